/* CityPress search: the search page (search/) and the filter box of the cities index.
   Progressive enhancement: both pages work without this script, which only unhides and fills them.
   The search page reads window.CityPressSearch, which search-index.js (made by every build) assigns;
   a script, not fetch(), so that a site opened from a folder (file://) searches too. See docs/search.md. */
(function () {
  "use strict";

  // Letters Unicode does not decompose, as CityPress folds them for the A–Z order
  // (TextFolding.transliterations; a test keeps this line equal to it).
  var transliterations = {"Æ":"Ae","Ø":"O","Þ":"Th","ß":"ss","æ":"ae","ð":"d","ø":"o","þ":"th","Đ":"D","đ":"d","ı":"i","Ł":"L","ł":"l","Œ":"Oe","œ":"oe"};
  var marks = /\p{Mn}/gu;
  var separators = /[^\p{L}\p{N}]+/u;
  var shownAtMost = 50; // more is a longer list to lay out at every key, and to tab through: a button shows 50 more
  var announceAfter = 400; // ms: a screen reader hears the count once typing pauses, not per key

  /** The A–Z folding of CityPress: `Łódź` → `lodz`, `Malmö` → `malmo`. */
  function fold(text) {
    if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
    var out = "";
    for (var ch of text) out += transliterations[ch] !== undefined ? transliterations[ch] : ch;
    return out.normalize("NFD").replace(marks, "").toLowerCase();
  }

  /** A searchable text of the index: "text", or ["text", "folded"] when it is not ASCII. */
  function text(field) { return typeof field === "string" ? field : field[0]; }
  function key(field) { return typeof field === "string" ? field.toLowerCase() : field[1]; }

  /** What Slug.make makes of a folded name: the slug the index leaves out when it is this. */
  function slugOf(folded) { return folded.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, ""); }

  /** At most 160 characters of `words`, cut at a space. */
  function excerpt(words) {
    if (words.length <= 160) return words;
    var cut = words.lastIndexOf(" ", 159);
    return words.slice(0, cut > 80 ? cut : 159).replace(/[\s,;:.]+$/, "") + "…";
  }

  // The phrases when the page gives none (a template older than data-text): English.
  var english = {country: "Country", city: "City", declaration: "Declaration", commitment: "Commitment",
    update: "Implementation update", report: "Report", commitmentOf: "Commitment {number} of {title}",
    updateOf: "Implementation update {year}", reportOf: "{city}: report for {year}",
    indexMissing: "The search index (search-index.js) could not be loaded.",
    noResults: "No results: try fewer words, or part of a name",
    results: {one: "{count} result", other: "{count} results"}, firstShown: "; the first {count} are shown",
    showMore: "Show more results",
    noCity: "No city’s name contains “{query}”", citiesShown: {one: "{count} city shown", other: "{count} cities shown"}};

  /** The phrases of the page's language, from the interface tables (the `data-text` JSON of `node`):
      `say("results", {count: 3})`. A phrase with plural forms takes the form the browser's CLDR rules
      choose for the page's `lang`, as the pages' own counts do. */
  function phrases(node) {
    var given = {};
    try { given = JSON.parse(node.getAttribute("data-text") || "{}"); } catch (e) { given = {}; }
    var lang = document.documentElement.lang || "en";
    var rules = null;
    try { rules = new Intl.PluralRules(lang); } catch (e) { rules = null; }
    return function say(name, values) {
      var phrase = given[name] !== undefined ? given[name] : english[name], filled = {};
      for (var name2 in values || {}) filled[name2] = values[name2];
      if (phrase && typeof phrase === "object") {
        var count = filled.count;
        phrase = phrase[rules ? rules.select(count) : count === 1 ? "one" : "other"] || phrase.other;
        filled.count = /^en\b/.test(lang) ? count.toLocaleString("en") : String(count);
      }
      return String(phrase).replace(/\{([A-Za-z]+)\}/g, function (all, key) {
        return filled[key] !== undefined ? String(filled[key]) : all;
      });
    };
  }

  /** Every entry of the index, each with what it is found by (`key` its name, `hay` all its words). */
  function entries(index, say) {
    var list = [];
    /* `langs`: the language of the label, detail or excerpt when it is the originals' in a language's tree. */
    function add(kind, rank, label, nameKey, context, detail, path, summary, langs) {
      list.push({kind: kind, rank: rank, label: label, key: nameKey, hay: nameKey + "\n" + context,
                 detail: detail, path: path, excerpt: summary || "", order: list.length, langs: langs || {}});
    }
    var original = index.original || "";
    function fill(pattern, slug) { return pattern.replace("{}", slug); }
    var countries = index.countries.map(function (c) {
      return {name: text(c[0]), key: key(c[0]), path: fill(index.routes.country, c[1] || slugOf(key(c[0])))};
    });
    var declarations = index.declarations.map(function (d) {
      return {title: text(d[0]), key: key(d[0]), date: d[2], path: fill(index.routes.declaration, d[1]),
              lang: original && d[3] === 1 ? original : ""};
    });
    var cities = index.cities.map(function (c) {
      return {name: text(c[0]), key: key(c[0]), slug: c[1] || slugOf(key(c[0])), country: countries[c[2]],
              detail: c[3] ? text(c[3]) : "", detailKey: c[3] ? key(c[3]) : ""};
    });
    countries.forEach(function (c) { add(say("country"), 0, c.name, c.key, "", "", c.path); });
    cities.forEach(function (c) {
      add(say("city"), 1, c.name, c.key, c.country.key + "\n" + c.detailKey,
          (c.detail ? c.detail + ", " : "") + c.country.name, fill(index.routes.city, c.slug));
    });
    declarations.forEach(function (d) { add(say("declaration"), 2, d.title, d.key, "", d.date, d.path, "", {label: d.lang}); });
    index.commitments.forEach(function (c) {
      var declaration = declarations[c[0]], words = text(c[2]);
      add(say("commitment"), 3, say("commitmentOf", {number: c[1], title: declaration.title}), key(c[2]),
          declaration.key + "\ncommitment " + c[1] + "\n" + fold(say("commitment")) + " " + c[1], "", c[3], excerpt(words),
          {excerpt: declaration.lang});
    });
    index.updates.forEach(function (u) {
      var declaration = declarations[u[0]];
      var label = say("updateOf", {year: u[1]});
      add(say("update"), 4, label, "implementation update " + u[1],
          declaration.key + "\n" + fold(label), declaration.title, u[2], "", {detail: declaration.lang});
    });
    index.reports.forEach(function (r) {
      var update = index.updates[r[0]], declaration = declarations[update[0]], city = cities[r[1]];
      var label = say("reportOf", {city: city.name, year: update[1]});
      add(say("report"), 5, label, city.key + " report " + update[1],
          key(r[2]) + "\n" + declaration.key + "\n" + fold(label), declaration.title, r[3] || update[2] + city.slug + "/", text(r[2]),
          {detail: declaration.lang, excerpt: original});
    });
    return list;
  }

  function isWordStart(key, at) { return at === 0 || separators.test(key.charAt(at - 1)); }

  /** The entries that have every word of `query`, best first: the name equal to the query, then
      starting with it, then a word of the name starting with it, then containing it, then the name
      containing every word (commitments, whose text is searched as their name, among these), then the rest. */
  function search(list, query) {
    var words = fold(query).split(separators).filter(Boolean);
    if (words.length === 0) return [];
    var phrase = words.join(" ");
    var found = [];
    for (var i = 0; i < list.length; i++) {
      var entry = list[i], hay = entry.hay, w = 0;
      while (w < words.length && hay.indexOf(words[w]) >= 0) w++;
      if (w < words.length) continue;
      var at = entry.key.indexOf(phrase), score;
      if (entry.key === phrase) score = 0;
      else if (at === 0) score = 1;
      else if (at > 0 && isWordStart(entry.key, at)) score = 2;
      else if (at > 0) score = 3;
      else score = words.every(function (word) { return entry.key.indexOf(word) >= 0; }) ? 4 : 5;
      // A commitment's "name" is its whole text: a word in it ranks after every name that matches.
      if (entry.rank === 3 && score < 5) score = 4 + score / 10;
      found.push({entry: entry, score: score});
    }
    found.sort(function (a, b) {
      return a.score - b.score || a.entry.rank - b.entry.rank || a.entry.order - b.entry.order;
    });
    return found.map(function (f) { return f.entry; });
  }

  /** `node` said to be in `lang` (text in the originals' language on a page of another), with its own direction. */
  function marked(node, lang) {
    if (lang) { node.lang = lang; node.dir = "auto"; }
    return node;
  }

  function element(name, className, content) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  function startSearch(form) {
    var index = window.CityPressSearch, notice = document.getElementById("search-needs-js");
    if (!index || index.format !== 1) {
      document.getElementById("search-why").textContent = phrases(form)("indexMissing");
      return;
    }
    var say = phrases(form), list = entries(index, say);
    var input = document.getElementById("search-query");
    var status = document.getElementById("search-status");
    var results = document.getElementById("search-results");
    var root = form.getAttribute("data-root") || "", page = form.getAttribute("data-page") || "";
    var timer = null;
    // After the list, while more results were found than are shown: shows 50 more (not all: a one-letter
    // query on a large site finds tens of thousands), and moves to the first it adds, where a keyboard
    // user goes on from.
    var more = element("button", "search-more", say("showMore"));
    more.type = "button";
    more.hidden = true;
    results.parentNode.insertBefore(more, results.nextSibling);
    var shownCount = shownAtMost;
    function href(path) { return root + path + (path.slice(-1) === "/" ? page : ""); }

    function show(query, announceNow) {
      var found = search(list, query);
      var items = document.createDocumentFragment();
      found.slice(0, shownCount).forEach(function (entry) {
        var item = element("li", "search-result");
        var link = element("a", "", entry.label);
        link.href = href(entry.path);
        marked(link, entry.langs.label);
        item.appendChild(link);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(element("span", "search-kind", entry.kind));
        if (entry.detail) item.appendChild(marked(element("span", "detail", entry.detail), entry.langs.detail));
        // The content's own words may be in another script than the page's: they take their own direction.
        if (entry.excerpt) item.appendChild(marked(element("span", "search-excerpt", entry.excerpt), entry.langs.excerpt)).dir = "auto";
        items.appendChild(item);
      });
      results.replaceChildren(items);
      more.hidden = found.length <= shownCount;
      var words = query.trim() === "" ? ""
        : found.length === 0 ? say("noResults")
        : say("results", {count: found.length}) + (found.length > shownCount ? say("firstShown", {count: shownCount}) : "");
      clearTimeout(timer);
      if (announceNow) status.textContent = words;
      else timer = setTimeout(function () { status.textContent = words; }, announceAfter);
      return found.length;
    }

    notice.hidden = true;
    form.hidden = false;
    more.addEventListener("click", function () {
      var before = shownCount;
      shownCount += shownAtMost;
      show(input.value, true);
      var next = results.querySelectorAll("a")[before];
      if (next) next.focus();
    });
    input.addEventListener("input", function () {
      shownCount = shownAtMost;
      show(input.value, false);
      try {
        var url = new URL(window.location.href);
        if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
        window.history.replaceState(null, "", url.href);
      } catch (error) { /* a file:// page may refuse a changed address: the results need none */ }
    });
    // Enter jumps to the first result, which a second Enter follows.
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      show(input.value, true);
      var first = results.querySelector("a");
      if (first) first.focus();
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) {
      input.value = query;
      show(query, true);
    }
    window.CityPressSearch.run = function (query) { return search(list, query); }; // for benchmarks and tests
  }

  function startFilter(box) {
    var say = phrases(box), input = document.getElementById("city-filter-query");
    var status = document.getElementById("city-filter-status");
    var sections = Array.prototype.map.call(document.querySelectorAll("main section"), function (section) {
      var heading = section.querySelector("h2");
      var letter = heading && document.querySelector('.letters a[href="#' + heading.id + '"]');
      return {
        node: section, letter: letter ? letter.parentNode : null,
        cities: Array.prototype.map.call(section.querySelectorAll(".index-list > li"), function (item) {
          return {node: item, key: item.getAttribute("data-key") || item.firstElementChild.textContent.toLowerCase()};
        })
      };
    });
    var timer = null;
    box.hidden = false;
    input.addEventListener("input", function () {
      var query = fold(input.value).trim().split(/\s+/).join(" "), shown = 0;
      sections.forEach(function (section) {
        var inSection = 0;
        section.cities.forEach(function (city) {
          var match = query === "" || city.key.indexOf(query) >= 0;
          if (city.node.hidden === match) city.node.hidden = !match;
          if (match) inSection++;
        });
        section.node.hidden = inSection === 0;
        if (section.letter) section.letter.hidden = inSection === 0;
        shown += inSection;
      });
      var words = query === "" ? "" : shown === 0 ? say("noCity", {query: input.value.trim()})
        : say("citiesShown", {count: shown});
      clearTimeout(timer);
      timer = setTimeout(function () { status.textContent = words; }, announceAfter);
    });
  }

  var form = document.getElementById("search-form");
  if (form) startSearch(form);
  var filter = document.getElementById("city-filter");
  if (filter) startFilter(filter);
})();
