public enum CityPressVersion { public static let string = "0.1.0" }
