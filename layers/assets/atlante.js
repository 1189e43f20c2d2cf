/* Atlante: draws the map's layers, legend and date filter from the data layers/map.py embeds.
 *
 * Safety: every string of the data may come from a document.  It reaches the page only
 * through textContent (never innerHTML), and a link is kept only when it is http(s).
 * Nothing here touches the network.
 */
(function () {
  "use strict";

  var PANES = {"atlante-basemap": 150, "atlante-areas": 410, "atlante-points": 420};

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
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

  /* A circle marker for a city (or a proportional symbol), a polygon for an area. */
  function itemLayer(item, place, key, precision) {
    var className = "atlante-item atlante-" + key;
    var opts = Object.assign({}, item.s, {fill: true, className: className});
    if (item.pt || !place.e) {
      opts.radius = item.r;
      opts.pane = "atlante-points";
      opts.atlanteValue = item.v;
      return L.circleMarker(place.p, opts);
    }
    opts.pane = "atlante-areas";
    return L.polygon(decodePolygons(place.e, precision), opts);
  }

  function swatch(entry) {
    var node = el("span", "atlante-swatch atlante-swatch-" + entry.sw);
    node.style.background = entry.fill;
    if (entry.sw === "circle") {
      var size = Math.round(2 * entry.r) + "px";
      node.style.width = size;
      node.style.height = size;
    }
    if (entry.dash) node.style.borderStyle = "dashed";
    return node;
  }

  function legendControl(spec) {
    var control = L.control({position: "bottomright"});
    control.onAdd = function () {
      var box = el("details", "atlante-legend leaflet-bar");
      box.open = true;
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
    var circles = [];
    Object.keys(atlante.layers).forEach(function (key) {
      atlante.layers[key].forEach(function (layer) {
        if (layer._map && layer.getRadius) circles.push(layer);
      });
    });
    circles.sort(function (a, b) { return b.getRadius() - a.getRadius(); });
    circles.forEach(function (layer) { layer.bringToFront(); });
  }

  /* Shows only the figures dated within [from, to]; undated figures stay. */
  function filterByDate(atlante, from, to) {
    Object.keys(atlante.registry).forEach(function (key) {
      var group = atlante.groups[key];
      var adds = [], removes = [];
      atlante.registry[key].forEach(function (entry) {
        if (!entry.dates.length) return;
        var show = entry.dates.some(function (d) { return d >= from && d <= to; });
        var has = group.hasLayer(entry.layer);
        if (show && !has) adds.push(entry.layer);
        if (!show && has) removes.push(entry.layer);
      });
      if (group.addLayers) {
        group.removeLayers(removes);
        group.addLayers(adds);
      } else {
        removes.forEach(function (layer) { group.removeLayer(layer); });
        adds.forEach(function (layer) { group.addLayer(layer); });
      }
    });
    sortCircles(atlante);
  }

  function timeControl(spec, atlante) {
    var control = L.control({position: "bottomleft"});
    control.onAdd = function () {
      var box = el("div", "atlante-time leaflet-bar");
      box.appendChild(el("div", "atlante-legend-section", spec.title));
      var last = spec.dates.length - 1;
      var inputs = [];
      var labels = [];
      [[spec.from, 0], [spec.to, last]].forEach(function (pair) {
        var row = el("label", "atlante-time-row");
        row.appendChild(el("span", "atlante-time-name", pair[0]));
        var input = el("input", "atlante-time-input");
        input.type = "range";
        input.min = "0";
        input.max = String(last);
        input.step = "1";
        input.value = String(pair[1]);
        row.appendChild(input);
        var label = el("span", "atlante-time-value", spec.labels[pair[1]]);
        row.appendChild(label);
        inputs.push(input);
        labels.push(label);
        box.appendChild(row);
      });
      box.appendChild(el("div", "atlante-time-note", spec.note));
      function update(event) {
        var lo = Number(inputs[0].value), hi = Number(inputs[1].value);
        if (lo > hi) {
          if (event && event.target === inputs[0]) { hi = lo; inputs[1].value = String(hi); }
          else { lo = hi; inputs[0].value = String(lo); }
        }
        labels[0].textContent = spec.labels[lo];
        labels[1].textContent = spec.labels[hi];
        filterByDate(atlante, spec.dates[lo], spec.dates[hi]);
      }
      inputs.forEach(function (input) { input.addEventListener("input", update); });
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    return control;
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

  window.atlanteRender = function (map, groups, data) {
    Object.keys(PANES).forEach(function (name) {
      if (!map.getPane(name)) map.createPane(name).style.zIndex = String(PANES[name]);
    });
    var atlante = {map: map, groups: groups, data: data, registry: {}, layers: {}};

    var container = map.getContainer();
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

    Object.keys(data.layers).forEach(function (key) {
      var group = groups[key];
      var made = [];
      atlante.registry[key] = [];
      data.layers[key].forEach(function (item) {
        var place = data.places[item.pl];
        if (!place) return;
        var layer = itemLayer(item, place, key, data.precision);
        var popup = data.popups[item.pp];
        layer.bindPopup(function () { return popupNode(popup); }, {maxWidth: 380, minWidth: 240});
        layer.bindTooltip(function () { return el("span", "atlante-tooltip", item.t); }, {sticky: true});
        /* The popup says more than the tooltip: never both at once. */
        layer.on("popupopen tooltipopen", function () { if (layer.isPopupOpen()) layer.closeTooltip(); });
        made.push(layer);
        atlante.registry[key].push({layer: layer, dates: item.d || []});
      });
      if (group.addLayers) group.addLayers(made);
      else made.forEach(function (layer) { group.addLayer(layer); });
      atlante.layers[key] = made;
    });

    sortCircles(atlante);
    map.on("overlayadd", function () { sortCircles(atlante); });
    map.on("animationend zoomend", function () { sortCircles(atlante); });
    var legend = legendControl(data.legend).addTo(map);
    var time = data.time ? timeControl(data.time, atlante).addTo(map) : null;
    if (data.bounds) {
      /* Keep the data clear of the controls: layer list and legend on the right, dates below. */
      var size = map.getSize();
      var right = Math.min(legend.getContainer().offsetWidth + 20, size.x / 3);
      var bottom = time ? Math.min(time.getContainer().offsetHeight + 20, size.y / 3) : 30;
      map.fitBounds(data.bounds, {paddingTopLeft: [30, 30], paddingBottomRight: [right, bottom], maxZoom: 7,
                                  animate: false});
    }
    atlante.filter = function (from, to) { filterByDate(atlante, from, to); };
    window.atlante = atlante;
    return atlante;
  };
})();
