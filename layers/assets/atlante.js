/* Atlante: draws the map's symbols, outlines, labels, legend and events panel from the data
 * layers/map.py embeds.  Plain script, no build step, no framework: Leaflet only.
 *
 * Safety: every string of the data may come from a document.  It reaches the page only
 * through textContent (never innerHTML), and a link is kept only when it is http(s).
 * Nothing here touches the network; downloads are data: URLs made in the page.
 */
(function () {
  "use strict";

  var PANES = {"atlante-basemap": 150, "atlante-areas": 400, "atlante-highlight": 415,
               "atlante-points": 420, "atlante-labels": 430};
  /* Below this width (CSS pixels) the page is laid out for a phone. */
  var SMALL = 700;
  /* Rows the table draws at most; the rest are counted. */
  var MAX_ROWS = 300;
  /* Labels drawn at most, and below the label zoom only symbols at least this large get one. */
  var MAX_LABELS = 80, MIN_LABEL_RADIUS = 9, MAX_LABEL_TRIES = 600;
  /* Above this many symbols they are drawn on a canvas (adding and removing thousands of SVG paths is slow). */
  var CANVAS_ABOVE = 500;
  var HIGHLIGHT = "#FFB000";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (m, key) {
      return values[key] !== undefined ? String(values[key]) : m;
    });
  }

  /* An integer with the interface language's thousands separator. */
  function formatCount(n, ui) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ui.group);
  }

  function safeHref(url) {
    return (typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url)) ? url : null;
  }

  function docNode(doc) {
    var href = safeHref(doc.href);
    if (!href) return el("span", "atlante-doc-title", doc.text);
    var a = el("a", "atlante-doc-title", doc.text);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  /* The DOM of one popup, from a spec made by layers/popups.py. */
  function popupNode(spec) {
    var root = el("div", "atlante-popup");
    root.appendChild(el("h3", "atlante-title", spec.title));
    if (spec.sub) root.appendChild(el("div", "atlante-sub", spec.sub));
    if (spec.head) root.appendChild(el("p", "atlante-head", spec.head));
    (spec.lines || []).forEach(function (line) { root.appendChild(el("p", "atlante-line", line)); });
    (spec.entries || []).forEach(function (entry) {
      var box = el("div", "atlante-entry");
      if (entry.text) box.appendChild(el("p", "atlante-figure", entry.text));
      if (entry.date) box.appendChild(el("p", "atlante-date", entry.date));
      var quote = entry.quote || ["", "", ""];
      if (quote.join("")) {
        var q = el("blockquote", "atlante-quote");
        q.appendChild(document.createTextNode(quote[0]));
        if (quote[1]) q.appendChild(el("mark", null, quote[1]));
        q.appendChild(document.createTextNode(quote[2]));
        box.appendChild(q);
      }
      if (entry.source) box.appendChild(el("p", "atlante-source", entry.source));
      if (entry.doc) {
        var p = el("p", "atlante-doc");
        p.appendChild(docNode(entry.doc));
        box.appendChild(p);
      }
      root.appendChild(box);
    });
    if (spec.docs && spec.docs.length) {
      var list = el("ul", "atlante-docs");
      spec.docs.forEach(function (doc) {
        var li = el("li");
        li.appendChild(docNode(doc));
        list.appendChild(li);
      });
      root.appendChild(list);
    }
    return root;
  }

  /* One ring of layers/polyline.py's encoded polylines -> [[lat, lng], ...]. */
  function decodeRing(text, precision) {
    var factor = Math.pow(10, precision);
    var points = [], values = [], shift = 0, result = 0, lat = 0, lng = 0, i;
    for (i = 0; i < text.length; i += 1) {
      var b = text.charCodeAt(i) - 63;
      result |= (b & 0x1f) << shift;
      shift += 5;
      if (b < 0x20) {
        values.push((result & 1) ? ~(result >> 1) : (result >> 1));
        shift = 0;
        result = 0;
      }
    }
    for (i = 0; i + 1 < values.length; i += 2) {
      lat += values[i];
      lng += values[i + 1];
      points.push([lat / factor, lng / factor]);
    }
    return points;
  }

  /* [[ring, hole, ...], ...] encoded -> Leaflet's nested lat/lng arrays. */
  function decodePolygons(polygons, precision) {
    return polygons.map(function (rings) {
      return rings.map(function (ring) { return decodeRing(ring, precision); });
    });
  }

  /* ---------------------------------------------------------------- dates */

  function dayToDate(day) { return new Date(day * 864e5); }

  function dayLabel(day, ui) {
    var d = dayToDate(day);
    return fill(ui.day, {day: d.getUTCDate(), month: ui.months[d.getUTCMonth()], year: d.getUTCFullYear()});
  }

  function isoDay(day) { return dayToDate(day).toISOString().slice(0, 10); }

  function isoToDay(iso) {
    var p = String(iso).split("-").map(Number);
    return Math.round(Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1) / 864e5);
  }

  /* ---------------------------------------------------------------- symbols */

  function symbolStyle(item, color, renderer) {
    var planned = item.st === "planned";
    return {
      renderer: renderer,
      radius: item.r, pane: "atlante-points", className: "atlante-item atlante-" + item.L,
      color: item.a ? color : "#FFFFFF", weight: item.a ? 2 : 1, opacity: 1,
      dashArray: item.a ? "4 3" : null, fill: true,
      fillColor: planned ? "#FFFFFF" : color, fillOpacity: planned ? 0.55 : (item.a ? 0.4 : 0.75)
    };
  }

  /* A circle marker for a city, a polygon for an area (the venues and places layers); an area wider than
     a continent's part (Russia, the US) is an outline only, so that it cannot cover the world view. */
  function placeLayer(item, place, key, precision) {
    var opts = Object.assign({}, item.s, {fill: !place.w, className: "atlante-item atlante-" + key});
    if (!place.e) {
      opts.radius = item.r;
      opts.pane = "atlante-points";
      return L.circleMarker(place.p, opts);
    }
    opts.pane = "atlante-areas";
    return L.polygon(decodePolygons(place.e, precision), opts);
  }

  function swatch(entry) {
    var node = el("span", "atlante-swatch atlante-swatch-" + entry.sw);
    if (entry.sw === "ring") {
      node.style.borderColor = entry.fill === "#FFFFFF" ? "#555" : entry.fill;
      node.style.background = entry.fill === "#FFFFFF" ? "#FFF" : "rgba(127,127,127,0.35)";
    } else {
      node.style.background = entry.fill;
    }
    if (entry.sw === "circle") {
      var size = Math.round(2 * entry.r) + "px";
      node.style.width = size;
      node.style.height = size;
    }
    if (entry.dash) node.style.borderStyle = "dashed";
    return node;
  }

  function legendControl(spec, small) {
    var control = L.control({position: "bottomright"});
    control.onAdd = function () {
      var box = el("details", "atlante-legend leaflet-bar");
      box.open = !small;
      box.appendChild(el("summary", "atlante-legend-title", spec.title));
      (spec.subtitle || []).forEach(function (line) { box.appendChild(el("div", "atlante-legend-sub", line)); });
      (spec.sections || []).forEach(function (section) {
        if (section.title) box.appendChild(el("div", "atlante-legend-section", section.title));
        var sizes = section.entries.length && section.entries[0].sw === "circle";
        var row = el("div", "atlante-legend-entries" + (section.row ? " atlante-legend-row" : "") +
          (sizes ? " atlante-legend-sizes" : ""));
        section.entries.forEach(function (entry) {
          var item = el("span", "atlante-legend-entry");
          item.appendChild(swatch(entry));
          item.appendChild(el("span", "atlante-legend-label", entry.label));
          row.appendChild(item);
        });
        box.appendChild(row);
      });
      var sources = el("div", "atlante-legend-sources");
      sources.appendChild(el("div", "atlante-legend-section", spec.sources_title));
      (spec.sources || []).forEach(function (src) { sources.appendChild(el("div", null, src.text)); });
      box.appendChild(sources);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    return control;
  }

  /* Smaller circles in front of larger ones, whatever layer they belong to. */
  function sortCircles(atlante) {
    var circles = atlante.entries.filter(function (e) { return e.layer._map; });
    circles.sort(function (a, b) { return b.item.r - a.item.r; });
    circles.forEach(function (e) { e.layer.bringToFront(); });
  }

  /* Switch to the offline outlines when the online tiles keep failing. */
  function tilesFallback(map, tiles, countries) {
    var loaded = 0, failed = 0;
    tiles.on("tileload", function () { loaded += 1; });
    tiles.on("tileerror", function () {
      failed += 1;
      if (loaded === 0 && failed >= 4 && map.hasLayer(tiles)) {
        map.removeLayer(tiles);
        map.addLayer(countries);
      }
    });
  }

  /* ---------------------------------------------------------------- highlight and labels */

  function highlight(atlante, entry) {
    var group = atlante.highlight;
    group.clearLayers();
    if (!entry) return;
    entry.item.pl.forEach(function (pid) {
      var place = atlante.data.places[pid];
      if (!place) return;
      var shape = place.e ? L.polygon(atlante.shapes[pid], {
        pane: "atlante-highlight", interactive: false, color: HIGHLIGHT, weight: 3, opacity: 1,
        fill: !place.w, fillColor: HIGHLIGHT, fillOpacity: 0.12, className: "atlante-highlight"
      }) : L.circleMarker(place.p, {
        pane: "atlante-highlight", interactive: false, radius: Math.max(8, entry.item.r + 3), color: HIGHLIGHT,
        weight: 3, fill: false, className: "atlante-highlight"
      });
      group.addLayer(shape);
    });
  }

  function updateLabels(atlante) {
    var map = atlante.map, group = atlante.labels;
    group.clearLayers();
    var zoom = map.getZoom(), bounds = map.getBounds().pad(0.1), taken = [];
    var shown = atlante.entries.filter(function (e) {
      return e.layer._map && (zoom >= atlante.data.labelZoom || e.item.r >= MIN_LABEL_RADIUS) &&
        bounds.contains(e.latlng);
    });
    /* Current figures claim the room first, then the larger symbols: where a planned ring and a current
       figure share a place, the label read is the current one (a planned label says so when it shows). */
    shown.sort(function (a, b) {
      return ((a.item.st === "planned") - (b.item.st === "planned")) || b.item.r - a.item.r;
    });
    for (var i = 0; i < Math.min(shown.length, MAX_LABEL_TRIES) && taken.length < MAX_LABELS; i += 1) {
      var e = shown[i], p = map.latLngToContainerPoint(e.latlng);
      var w = e.item.lab.length * 6.4 + 8, h = 16;
      var box = {x0: p.x + e.item.r + 2, y0: p.y - h / 2, x1: p.x + e.item.r + 2 + w, y1: p.y + h / 2};
      var clash = taken.some(function (t) { return box.x0 < t.x1 && t.x0 < box.x1 && box.y0 < t.y1 && t.y0 < box.y1; });
      if (clash) continue;
      taken.push(box);
      var text = el("span", "atlante-label-text", e.item.lab);
      var icon = L.divIcon({html: text, className: "atlante-label", iconSize: null,
                            iconAnchor: [-(e.item.r + 3), 8]});
      group.addLayer(L.marker(e.latlng, {icon: icon, interactive: false, keyboard: false, pane: "atlante-labels"}));
    }
  }

  /* ---------------------------------------------------------------- filtering */

  function entryPasses(entry, f) {
    var item = entry.item;
    if (f.doc >= 0) {
      var docs = item.docs || (item.doc !== undefined ? [item.doc] : []);
      if (docs.indexOf(f.doc) < 0) return false;
    }
    if (entry.figure) {
      if (f.kind && item.k !== f.kind) return false;
      if (f.status && (item.ss || [item.st]).indexOf(f.status) < 0) return false;
      if (f.qualifier && item.q !== f.qualifier) return false;
    }
    if (f.q && entry.text.indexOf(f.q) < 0) return false;
    if (f.from !== null && item.t0 !== null && item.t0 !== undefined) {
      if (item.t1 < f.from || item.t0 > f.to) return false;  /* a period overlapping the range stays */
    }
    return true;
  }

  function apply(atlante) {
    var t0 = performance.now(), f = atlante.state, adds = {}, removes = {};
    atlante.visible = [];
    atlante.all.forEach(function (entry) {
      var show = entryPasses(entry, f);
      if (show !== entry.shown) {
        var bucket = show ? adds : removes;
        (bucket[entry.key] = bucket[entry.key] || []).push(entry.layer);
        entry.shown = show;
      }
      if (show && entry.figure) atlante.visible.push(entry);
    });
    Object.keys(atlante.groups).forEach(function (key) {
      var group = atlante.groups[key];
      (removes[key] || []).forEach(function (layer) { group.removeLayer(layer); });
      (adds[key] || []).forEach(function (layer) { group.addLayer(layer); });
    });
    updateOutlines(atlante);
    if (Object.keys(adds).length) sortCircles(atlante);  /* added symbols come last: put the small ones on top */
    updateLabels(atlante);
    if (atlante.panel) atlante.panel.refresh();
    atlante.lastApplyMs = performance.now() - t0;
    return atlante.lastApplyMs;
  }

  /* An area's outline shows while a shown symbol of a shown layer stands for it. */
  function updateOutlines(atlante) {
    var wanted = {};
    atlante.visible.forEach(function (entry) {
      if (!atlante.map.hasLayer(atlante.groups[entry.key])) return;
      entry.item.pl.forEach(function (pid) { wanted[pid] = true; });
    });
    Object.keys(atlante.outlines).forEach(function (pid) {
      var layer = atlante.outlines[pid], has = atlante.outlineGroup.hasLayer(layer);
      if (wanted[pid] && !has) atlante.outlineGroup.addLayer(layer);
      if (!wanted[pid] && has) atlante.outlineGroup.removeLayer(layer);
    });
  }

  /* ---------------------------------------------------------------- downloads */

  /* The figures behind the shown symbols, as objects of the export columns. */
  function exportRows(atlante) {
    var rows = [], columns = atlante.data.exportColumns;
    atlante.visible.forEach(function (entry) {
      entry.item.x.forEach(function (values) {
        var row = {};
        columns.forEach(function (c, i) { row[c] = values[i] === undefined ? null : values[i]; });
        rows.push(row);
      });
    });
    return rows;
  }

  function geojsonText(atlante) {
    var places = atlante.data.places;
    var features = exportRows(atlante).map(function (row) {
      var coords = (row.place_ids || []).filter(function (pid) { return places[pid]; })
        .map(function (pid) { return [places[pid].p[1], places[pid].p[0]]; });
      return {type: "Feature", properties: row,
              geometry: coords.length ? {type: "MultiPoint", coordinates: coords} : null};
    });
    return JSON.stringify({type: "FeatureCollection", features: features});
  }

  var CSV_COLUMNS = ["figure_id", "kind", "value", "low", "high", "qualifier", "status", "date", "date_end",
                     "places", "place_ids", "document", "source", "unit", "per_unit"];

  function csvCell(value) {
    if (value === null || value === undefined) return "";
    var text = Array.isArray(value) ? value.join("; ") : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;  /* never a spreadsheet formula */
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csvText(atlante) {
    var lines = [CSV_COLUMNS.join(",")];
    exportRows(atlante).forEach(function (row) {
      lines.push(CSV_COLUMNS.map(function (c) { return csvCell(row[c]); }).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  /* ---------------------------------------------------------------- the events panel */

  function select(options, values, labels, all) {
    var node = el("select", "atlante-select");
    var first = el("option", null, all);
    first.value = "";
    node.appendChild(first);
    values.forEach(function (v, i) {
      var o = el("option", null, labels[i]);
      o.value = String(v);
      node.appendChild(o);
    });
    node.setAttribute("aria-label", options);
    return node;
  }

  function distinct(entries, key) {
    var seen = {};
    entries.forEach(function (e) {
      var v = e.item[key];
      (Array.isArray(v) ? v : [v]).forEach(function (x) { seen[x] = true; });
    });
    return Object.keys(seen).filter(function (k) { return k && k !== "undefined"; }).sort();
  }

  function Panel(atlante, small) {
    var data = atlante.data, ui = data.ui, self = this;
    this.atlante = atlante;
    this.sort = {key: "date", dir: -1};
    var root = this.root = el("div", "atlante-panel" + (small ? "" : " atlante-open"));
    root.setAttribute("role", "region");
    root.setAttribute("aria-label", ui.title);
    L.DomEvent.disableClickPropagation(root);
    L.DomEvent.disableScrollPropagation(root);

    var head = el("div", "atlante-panel-head");
    var tabs = el("div", "atlante-tabs");
    this.tabFigures = el("button", "atlante-tab atlante-tab-on", ui.title);
    this.tabDocs = el("button", "atlante-tab", ui.documents + " (" + formatCount(data.docs.length, ui) + ")");
    tabs.appendChild(this.tabFigures);
    tabs.appendChild(this.tabDocs);
    head.appendChild(tabs);
    var close = el("button", "atlante-close", "×");
    close.title = ui.close;
    close.setAttribute("aria-label", ui.close);
    head.appendChild(close);
    root.appendChild(head);

    var figures = this.figuresBox = el("div", "atlante-figures");
    var search = this.search = el("input", "atlante-search");
    search.type = "search";
    search.placeholder = ui.search;
    figures.appendChild(search);

    var filters = el("div", "atlante-filters");
    var entries = atlante.entries;
    var docIdx = {};
    entries.forEach(function (e) { (e.item.docs || [e.item.doc]).forEach(function (d) { if (d >= 0) docIdx[d] = 1; }); });
    var docValues = Object.keys(docIdx).map(Number).sort(function (a, b) { return a - b; });
    this.docSelect = select(ui.document, docValues, docValues.map(function (i) {
      return data.docs[i].t || data.docs[i].id;
    }), ui.document + ": " + ui.all);
    var kinds = distinct(entries, "k");
    this.kindSelect = select(ui.kind, kinds, kinds.map(function (k) { return ui.figure_kinds[k] || k; }),
                             ui.kind + ": " + ui.all);
    var statuses = distinct(entries, "ss");
    this.statusSelect = select(ui.status, statuses, statuses.map(function (k) { return ui.statuses[k] || k; }),
                               ui.status + ": " + ui.all);
    var quals = distinct(entries, "q");
    this.qualSelect = select(ui.qualifier, quals, quals.map(function (k) { return ui.qualifier_names[k] || k; }),
                             ui.qualifier + ": " + ui.all);
    [this.docSelect, this.kindSelect, this.statusSelect, this.qualSelect].forEach(function (s) {
      filters.appendChild(s);
    });
    figures.appendChild(filters);

    if (data.time) figures.appendChild(this.timeAxis(data.time));

    var tools = el("div", "atlante-tools");
    this.count = el("span", "atlante-count");
    tools.appendChild(this.count);
    var reset = el("button", "atlante-reset", ui.reset);
    tools.appendChild(reset);
    figures.appendChild(tools);

    var downloads = el("div", "atlante-downloads");
    downloads.appendChild(el("span", null, ui.download + " "));
    this.geojsonLink = this.downloadLink("figures.geojson", "GeoJSON", "application/geo+json",
                                         function () { return geojsonText(atlante); });
    this.csvLink = this.downloadLink("figures.csv", "CSV", "text/csv",
                                     function () { return csvText(atlante); });
    downloads.appendChild(this.geojsonLink);
    downloads.appendChild(document.createTextNode(" "));
    downloads.appendChild(this.csvLink);
    figures.appendChild(downloads);

    var tableBox = el("div", "atlante-table-box");
    var table = el("table", "atlante-table");
    var thead = el("thead"), tr = el("tr");
    [["date", ui.date], ["value", ui.number], ["place", ui.places], ["doc", ui.document]].forEach(function (col) {
      var th = el("th", "atlante-sortable", col[1]);
      th.dataset.key = col[0];
      th.setAttribute("role", "button");
      th.tabIndex = 0;
      th.addEventListener("keydown", function (ev) { if (ev.key === "Enter") th.click(); });
      th.addEventListener("click", function () {
        self.sort = {key: col[0], dir: self.sort.key === col[0] ? -self.sort.dir : (col[0] === "place" || col[0] === "doc" ? 1 : -1)};
        self.refresh();
      });
      tr.appendChild(th);
    });
    thead.appendChild(tr);
    table.appendChild(thead);
    this.tbody = el("tbody");
    table.appendChild(this.tbody);
    tableBox.appendChild(table);
    this.more = el("div", "atlante-more");
    tableBox.appendChild(this.more);
    figures.appendChild(tableBox);
    root.appendChild(figures);

    var docsBox = this.docsBox = el("div", "atlante-doclist");
    docsBox.style.display = "none";
    data.docs.forEach(function (doc, i) {
      var item = el("div", "atlante-docitem");
      item.dataset.doc = String(i);
      var title = doc.t || ui.no_title;
      item.appendChild(docNode({text: title, href: doc.h}));
      var meta = [doc.o, doc.d ? dayLabel(isoToDay(doc.d), ui) : ""].filter(Boolean).join(" · ");
      if (meta) item.appendChild(el("div", "atlante-docmeta", meta));
      item.appendChild(el("div", "atlante-docmeta", doc.id));
      var only = el("button", "atlante-docfilter", ui.title);
      only.addEventListener("click", function () {
        self.docSelect.value = docIdx[i] ? String(i) : "";
        self.showTab("figures");
        self.read();
      });
      if (docIdx[i]) item.appendChild(only);
      docsBox.appendChild(item);
    });
    root.appendChild(docsBox);

    this.tabFigures.addEventListener("click", function () { self.showTab("figures"); });
    this.tabDocs.addEventListener("click", function () { self.showTab("docs"); });
    close.addEventListener("click", function () { self.setOpen(false); });
    search.addEventListener("input", function () { self.read(); });
    [this.docSelect, this.kindSelect, this.statusSelect, this.qualSelect].forEach(function (s) {
      s.addEventListener("change", function () { self.read(); });
    });
    reset.addEventListener("click", function () {
      search.value = "";
      [self.docSelect, self.kindSelect, self.statusSelect, self.qualSelect].forEach(function (s) { s.value = ""; });
      if (self.inputs) {
        self.inputs[0].value = self.inputs[0].min;
        self.inputs[1].value = self.inputs[1].max;
      }
      self.read();
    });

    /* The button that opens the panel (the only thing of it a phone shows at load). */
    var opener = this.opener = L.control({position: "topleft"});
    opener.onAdd = function () {
      var button = el("button", "atlante-opener leaflet-bar",
                      fill(ui.open, {n: formatCount(atlante.entries.length, ui)}));
      L.DomEvent.disableClickPropagation(button);
      button.addEventListener("click", function () { self.setOpen(!self.isOpen()); });
      return button;
    };
    opener.addTo(atlante.map);
    atlante.map.getContainer().appendChild(root);
  }

  Panel.prototype.isOpen = function () { return this.root.classList.contains("atlante-open"); };

  Panel.prototype.setOpen = function (open) {
    this.root.classList.toggle("atlante-open", open);
    this.atlante.map.getContainer().classList.toggle("atlante-panel-shown", open);
  };

  Panel.prototype.showTab = function (tab) {
    var figs = tab === "figures";
    this.figuresBox.style.display = figs ? "" : "none";
    this.docsBox.style.display = figs ? "none" : "";
    this.tabFigures.classList.toggle("atlante-tab-on", figs);
    this.tabDocs.classList.toggle("atlante-tab-on", !figs);
  };

  Panel.prototype.downloadLink = function (name, label, type, make) {
    var a = el("a", "atlante-download", label);
    a.download = name;
    a.href = "#";
    a.addEventListener("click", function () {
      a.href = "data:" + type + ";charset=utf-8," + encodeURIComponent(make());
    });
    return a;
  };

  Panel.prototype.timeAxis = function (spec) {
    var self = this, ui = this.atlante.data.ui;
    var box = el("div", "atlante-time");
    box.appendChild(el("div", "atlante-legend-section", ui.time.title));
    var days = spec.max - spec.min + 1;
    var nbins = Math.min(60, days), width = days / nbins;
    this.bins = {min: spec.min, n: nbins, width: width};
    var hist = this.hist = el("div", "atlante-hist");
    this.bars = [];
    for (var i = 0; i < nbins; i += 1) {
      var bar = el("span", "atlante-bar");
      bar.appendChild(el("span", "atlante-bar-all"));
      bar.appendChild(el("span", "atlante-bar-on"));
      hist.appendChild(bar);
      this.bars.push(bar);
    }
    box.appendChild(hist);
    var totals = this.binCounts(this.atlante.entries);
    this.maxBin = Math.max.apply(null, totals.concat([1]));
    totals.forEach(function (n, i) { self.bars[i].firstChild.style.height = (100 * n / self.maxBin) + "%"; });
    var sliders = el("div", "atlante-sliders");
    this.inputs = [spec.min, spec.max].map(function (value, i) {
      var input = el("input", "atlante-time-input");
      input.type = "range";
      input.min = String(spec.min);
      input.max = String(spec.max);
      input.step = "1";
      input.value = String(value);
      input.setAttribute("aria-label", i ? ui.time.to : ui.time.from);
      input.addEventListener("input", function () {
        var lo = Number(self.inputs[0].value), hi = Number(self.inputs[1].value);
        if (lo > hi) {
          if (i === 0) self.inputs[1].value = String(lo);
          else self.inputs[0].value = String(hi);
        }
        self.read();
      });
      sliders.appendChild(input);
      return input;
    });
    box.appendChild(sliders);
    this.timeLabel = el("div", "atlante-time-value");
    box.appendChild(this.timeLabel);
    box.appendChild(el("div", "atlante-time-note", ui.time.undated));
    return box;
  };

  /* Figures per bin of the time axis; a period counts in every bin it overlaps. */
  Panel.prototype.binCounts = function (entries) {
    var b = this.bins, counts = [];
    for (var i = 0; i < b.n; i += 1) counts.push(0);
    entries.forEach(function (e) {
      if (e.item.t0 === null || e.item.t0 === undefined) return;
      var first = Math.max(0, Math.floor((e.item.t0 - b.min) / b.width));
      var last = Math.min(b.n - 1, Math.floor((e.item.t1 - b.min) / b.width));
      for (var j = first; j <= last; j += 1) counts[j] += e.item.n || 1;
    });
    return counts;
  };

  /* Read the controls into the filter state and apply it. */
  Panel.prototype.read = function () {
    var s = this.atlante.state;
    s.q = this.search.value.trim().toLowerCase();
    s.doc = this.docSelect.value === "" ? -1 : Number(this.docSelect.value);
    s.kind = this.kindSelect.value;
    s.status = this.statusSelect.value;
    s.qualifier = this.qualSelect.value;
    if (this.inputs) {
      s.from = Number(this.inputs[0].value);
      s.to = Number(this.inputs[1].value);
    }
    return apply(this.atlante);
  };

  Panel.prototype.sortKey = function (entry) {
    var item = entry.item, key = this.sort.key;
    if (key === "date") return item.t0 === null || item.t0 === undefined ? -Infinity : item.t0;
    if (key === "value") return item.v;
    if (key === "place") return entry.placeName;
    return entry.docTitle;
  };

  Panel.prototype.refresh = function () {
    var self = this, atlante = this.atlante, ui = atlante.data.ui, dir = this.sort.dir;
    var rows = atlante.visible.slice();
    rows.sort(function (a, b) {
      var x = self.sortKey(a), y = self.sortKey(b);
      if (x < y) return -dir;
      if (x > y) return dir;
      return b.item.v - a.item.v;
    });
    this.count.textContent = fill(ui.shown, {n: formatCount(rows.length, ui),
                                              total: formatCount(atlante.entries.length, ui)});
    var body = el("tbody");
    rows.slice(0, MAX_ROWS).forEach(function (entry) {
      var tr = el("tr", "atlante-row" + (entry === atlante.selected ? " atlante-selected" : ""));
      tr.dataset.id = entry.item.id;
      var dot = el("span", "atlante-dot");
      dot.style.background = atlante.data.colors[entry.key];
      var date = el("td", "atlante-cell-date", entry.item.dl || ui.undated);
      var fig = el("td", "atlante-cell-figure");
      fig.appendChild(dot);
      fig.appendChild(document.createTextNode(entry.item.h));
      tr.appendChild(date);
      tr.appendChild(fig);
      [["atlante-cell-place", entry.placeName], ["atlante-cell-doc", entry.docTitle]].forEach(function (cell) {
        var td = el("td", cell[0]);
        td.appendChild(el("div", "atlante-clamp", cell[1]));
        td.title = cell[1];
        tr.appendChild(td);
      });
      tr.tabIndex = 0;
      tr.addEventListener("click", function () { atlante.focus(entry); });
      tr.addEventListener("keydown", function (ev) { if (ev.key === "Enter") atlante.focus(entry); });
      entry.row = tr;
      body.appendChild(tr);
    });
    this.tbody.parentNode.replaceChild(body, this.tbody);
    this.tbody = body;
    this.more.textContent = rows.length > MAX_ROWS ? fill(ui.first_rows, {n: MAX_ROWS}) : "";
    Array.prototype.forEach.call(this.root.querySelectorAll("th"), function (th) {
      th.classList.toggle("atlante-sorted-up", th.dataset.key === self.sort.key && dir > 0);
      th.classList.toggle("atlante-sorted-down", th.dataset.key === self.sort.key && dir < 0);
    });
    if (this.bars) {
      var on = this.binCounts(rows);
      on.forEach(function (n, i) { self.bars[i].lastChild.style.height = (100 * n / self.maxBin) + "%"; });
      var s = atlante.state;
      this.timeLabel.textContent = fill(ui.range, {start: dayLabel(s.from, ui), end: dayLabel(s.to, ui)});
    }
  };

  Panel.prototype.markRow = function (entry) {
    Array.prototype.forEach.call(this.tbody.querySelectorAll(".atlante-selected"), function (tr) {
      tr.classList.remove("atlante-selected");
    });
    if (entry && entry.row && entry.row.parentNode === this.tbody) {
      entry.row.classList.add("atlante-selected");
      if (this.isOpen()) entry.row.scrollIntoView({block: "nearest"});
    }
  };

  /* ---------------------------------------------------------------- phones */

  /* Below SMALL pixels: the layer list folds into its button, and opens on a tap. */
  function foldLayerControl(map) {
    var box = map.getContainer().querySelector(".leaflet-control-layers");
    if (!box) return;
    box.classList.remove("leaflet-control-layers-expanded");
    var toggle = box.querySelector(".leaflet-control-layers-toggle");
    if (toggle) {
      toggle.addEventListener("click", function (ev) {
        ev.preventDefault();
        box.classList.add("leaflet-control-layers-expanded");
      });
    }
    map.on("click", function () { box.classList.remove("leaflet-control-layers-expanded"); });
  }

  /* ---------------------------------------------------------------- render */

  window.atlanteRender = function (map, groups, data) {
    Object.keys(PANES).forEach(function (name) {
      if (!map.getPane(name)) map.createPane(name).style.zIndex = String(PANES[name]);
    });
    map.getPane("atlante-labels").style.pointerEvents = "none";
    var container = map.getContainer();
    var small = map.getSize().x < SMALL;
    container.classList.toggle("atlante-small", small);
    var atlante = {map: map, groups: groups, data: data, registry: {}, layers: {}, entries: [], all: [],
                   visible: [], outlines: {}, shapes: {}, selected: null,
                   state: {q: "", doc: -1, kind: "", status: "", qualifier: "",
                           from: data.time ? data.time.min : null, to: data.time ? data.time.max : null}};

    var countries = groups.countries;
    var outlines = data.basemap.countries.map(function (country) {
      return L.polygon(decodePolygons(country.e, data.basemap.precision), {
        pane: "atlante-basemap", interactive: false, color: "#FFFFFF", weight: 0.7,
        fillColor: "#E6E4DD", fillOpacity: 1
      });
    });
    countries.addLayer(L.featureGroup(outlines, {attribution: data.basemap_attribution}));
    countries.on("add", function () { container.classList.add("atlante-offline"); });
    countries.on("remove", function () { container.classList.remove("atlante-offline"); });
    if (map.hasLayer(countries)) container.classList.add("atlante-offline");
    if (groups.tiles) tilesFallback(map, groups.tiles, countries);

    atlante.outlineGroup = L.layerGroup().addTo(map);
    atlante.highlight = L.layerGroup().addTo(map);
    atlante.labels = L.layerGroup().addTo(map);
    var popupOptions = {maxWidth: Math.min(380, map.getSize().x - 50), minWidth: Math.min(240, map.getSize().x - 70),
                        maxHeight: Math.round(map.getSize().y * (small ? 0.5 : 0.6)),
                        autoPanPadding: [12, 12], className: "atlante-popup-box"};
    var nSymbols = (data.figureLayers || []).reduce(function (n, key) { return n + data.layers[key].length; }, 0);
    var renderer = nSymbols > CANVAS_ABOVE ? L.canvas({pane: "atlante-points"}) : undefined;
    var docTitle = function (i) { return i >= 0 && data.docs[i] ? (data.docs[i].t || data.docs[i].id) : ""; };
    /* A row of several documents says how many ("2 documenti"); its titles stay searchable. */
    var docsCell = function (item) {
      var n = item.docs.length, forms = data.ui.n_documents;
      return fill((data.ui.one_values || [1]).indexOf(n) >= 0 ? forms.one : forms.other, {n: formatCount(n, data.ui)});
    };

    (data.figureLayers || []).forEach(function (key) {
      var group = groups[key], made = [], color = data.colors[key];
      atlante.registry[key] = [];
      data.layers[key].forEach(function (item) {
        var anchor = data.places[item.pl[0]];
        if (!anchor) return;
        item.pl.forEach(function (pid) {
          var place = data.places[pid];
          if (place && place.e && !atlante.shapes[pid]) {
            atlante.shapes[pid] = decodePolygons(place.e, data.precision);
            atlante.outlines[pid] = L.polygon(atlante.shapes[pid], {
              pane: "atlante-areas", interactive: false, color: "#4D4D4D", weight: 1, opacity: 0.55,
              fill: !place.w, fillColor: "#7F7F7F", fillOpacity: 0.05, dashArray: place.w ? "2 4" : null,
              className: "atlante-outline"
            });
          }
        });
        var layer = L.circleMarker(anchor.p, symbolStyle(item, color, renderer));
        var entry = {item: item, layer: layer, key: key, figure: true, shown: true, latlng: L.latLng(anchor.p),
                     placeName: item.pl.map(function (pid) { return data.places[pid] ? data.places[pid].n : pid; }).join(", "),
                     docTitle: item.docs && item.docs.length > 1 ? docsCell(item) : docTitle(item.doc)};
        entry.text = [entry.placeName, entry.docTitle, (item.docs || []).map(docTitle).join(" "), item.h, item.dl,
                      (item.x || []).map(function (r) { return r.join(" "); }).join(" "),
                      item.doc >= 0 && data.docs[item.doc] ? data.docs[item.doc].o : ""].join(" ").toLowerCase();
        var popup = data.popups[item.pp];
        layer.bindPopup(function () { return popupNode(popup); }, popupOptions);
        layer.bindTooltip(function () { return el("span", "atlante-tooltip", item.tt); }, {sticky: true});
        layer.on("popupopen tooltipopen", function () { if (layer.isPopupOpen()) layer.closeTooltip(); });
        layer.on("mouseover", function () { highlight(atlante, entry); });
        layer.on("mouseout", function () { highlight(atlante, atlante.selected); });
        layer.on("click", function () { atlante.choose(entry); });
        layer.on("popupclose", function () {
          if (atlante.selected === entry) { atlante.selected = null; highlight(atlante, null); }
        });
        made.push(layer);
        atlante.entries.push(entry);
        atlante.all.push(entry);
        atlante.registry[key].push(entry);
      });
      made.forEach(function (layer) { group.addLayer(layer); });
      atlante.layers[key] = made;
    });

    ["venues", "places"].forEach(function (key) {
      if (!data.layers[key]) return;
      var group = groups[key], made = [];
      atlante.registry[key] = [];
      data.layers[key].forEach(function (item) {
        var place = data.places[item.pl];
        if (!place) return;
        var layer = placeLayer(item, place, key, data.precision);
        var popup = data.popups[item.pp];
        layer.bindPopup(function () { return popupNode(popup); }, popupOptions);
        layer.bindTooltip(function () { return el("span", "atlante-tooltip", item.t); }, {sticky: true});
        layer.on("popupopen tooltipopen", function () { if (layer.isPopupOpen()) layer.closeTooltip(); });
        made.push(layer);
        var entry = {item: item, layer: layer, key: key, figure: false, shown: true,
                     text: String(place.n).toLowerCase()};
        atlante.all.push(entry);
        atlante.registry[key].push(entry);
      });
      made.forEach(function (layer) { group.addLayer(layer); });
      atlante.layers[key] = made;
    });

    atlante.choose = function (entry) {
      atlante.selected = entry;
      highlight(atlante, entry);
      if (atlante.panel) atlante.panel.markRow(entry);
    };
    /* Fly to a symbol and open its popup (a row of the table was clicked). */
    atlante.focus = function (entry) {
      if (!map.hasLayer(groups[entry.key])) map.addLayer(groups[entry.key]);
      var place = data.places[entry.item.pl[0]];
      var zoom = Math.max(map.getZoom(), place && place.e && !place.w ? 5 : 6);
      if (small) atlante.panel.setOpen(false);
      map.flyTo(entry.latlng, Math.min(zoom, 8), {duration: 0.6});
      map.once("moveend", function () {
        entry.layer.openPopup();
        atlante.choose(entry);
      });
    };

    map.zoomControl.setPosition("topright");
    var legend = legendControl(data.legend, small).addTo(map);
    atlante.legend = legend;
    if (atlante.entries.length) {
      atlante.panel = new Panel(atlante, small);
      container.classList.toggle("atlante-panel-shown", atlante.panel.isOpen());
    }
    if (small) {
      foldLayerControl(map);
      /* A popup on a phone comes first: the legend folds away so that it cannot hide it. */
      map.on("popupopen", function () { legend.getContainer().open = false; });
    }
    apply(atlante);
    map.on("overlayadd overlayremove", function () { updateOutlines(atlante); sortCircles(atlante); updateLabels(atlante); });
    map.on("zoomend moveend", function () { updateLabels(atlante); });
    if (data.bounds) {
      /* Keep the data clear of the controls: panel on the left, layer list and legend on the right. */
      var size = map.getSize();
      var left = atlante.panel && atlante.panel.isOpen() ? Math.min(atlante.panel.root.offsetWidth + 20, size.x / 2) : 30;
      var right = small ? 20 : Math.min(legend.getContainer().offsetWidth + 20, size.x / 3);
      var bottom = small ? legend.getContainer().offsetHeight + 20 : 30;
      map.fitBounds(data.bounds, {paddingTopLeft: [left, small ? 50 : 30], paddingBottomRight: [right, bottom], maxZoom: 7,
                                  animate: false});
    }
    /* Tests and benchmarks: the whole filter state, or a date range in ISO dates. */
    atlante.setFilter = function (changes) { Object.assign(atlante.state, changes); return apply(atlante); };
    atlante.filter = function (from, to) {
      return atlante.setFilter({from: isoToDay(from), to: isoToDay(to)});
    };
    atlante.isoDay = isoDay;
    atlante.geojson = function () { return geojsonText(atlante); };
    atlante.csv = function () { return csvText(atlante); };
    window.atlante = atlante;
    return atlante;
  };
})();
