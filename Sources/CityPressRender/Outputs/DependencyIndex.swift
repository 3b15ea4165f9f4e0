import CityPressLoad
import CityPressSite

/// Which outputs of one build depend on what, by position in the build's plan: after an edit, the
/// preview looks up the few outputs an edit touches instead of asking every output of a site of ten
/// thousand cities for its dependencies.
///
/// It is owned by one preview at a time and updated in place as the site changes (copying it on every
/// edit would cost as much as asking every output).
package final class DependencyIndex: @unchecked Sendable {
    /// Every output's route, in plan order.
    package private(set) var routes: [Route]
    /// Every output's dependencies, in plan order.
    private var dependencies: [[Dependency]]
    /// For each dependency, the positions of the outputs that have it.
    private var dependents: [Dependency: Set<Int>] = [:]

    /// The index of `outputs` (a build's plan).
    package init(_ outputs: [PlannedOutput]) {
        routes = outputs.map(\.route)
        dependencies = outputs.map { $0.dependencies() }
        for (position, keys) in dependencies.enumerated() {
            for key in keys { dependents[key, default: []].insert(position) }
        }
    }

    /// Whether `outputs` has the same routes in the same order as the plan this index describes.
    package func hasSameRoutes(as outputs: [PlannedOutput]) -> Bool {
        routes.count == outputs.count && zip(routes, outputs).allSatisfy { $0 == $1.route }
    }

    /// The positions, in order, of the outputs that depend on anything `changes` names.
    package func positions(affectedBy changes: SiteChanges) -> [Int] {
        var positions: Set<Int> = []
        for key in Dependency.keys(affectedBy: changes) {
            if let found = dependents[key] { positions.formUnion(found) }
        }
        return positions.sorted()
    }

    /// Takes the dependencies at `positions` from `outputs`, a plan with the same routes as this
    /// index (after an edit: the outputs whose dependencies may differ are among those it affected).
    package func update(_ positions: [Int], from outputs: [PlannedOutput]) {
        for position in positions {
            let old = dependencies[position], new = outputs[position].dependencies()
            guard old != new else { continue }
            for key in old where !new.contains(key) {
                dependents[key]?.remove(position)
                if dependents[key]?.isEmpty == true { dependents[key] = nil }
            }
            for key in new where !old.contains(key) { dependents[key, default: []].insert(position) }
            dependencies[position] = new
        }
    }
}
