// The run page: the route over map tiles once they have all loaded (the outline stays when
// one fails), and one cursor across every chart over distance, with a readout of all values.
(function () {
  "use strict";
  var map = document.querySelector("[data-run-map]");
  if (!map) { return; }
  var outline = document.querySelector("[data-run-outline]");
  var tiles = Array.prototype.slice.call(map.querySelectorAll("img[data-src]"));
  var waiting = tiles.length, failed = false;
  tiles.forEach(function (img) {
    img.addEventListener("load", function () {
      waiting -= 1;
      if (!waiting && !failed) {
        map.hidden = false;
        if (outline) { outline.hidden = true; }
      }
    });
    img.addEventListener("error", function () {
      failed = true;
      map.remove();
      if (outline) { outline.hidden = false; }
    });
    img.src = img.getAttribute("data-src");
  });
})();
(function () {
  "use strict";
  var data = document.getElementById("run-series");
  var readout = document.getElementById("run-cursor");
  if (!data || !readout) { return; }
  var series = JSON.parse(data.textContent);
  var charts = Array.prototype.slice.call(document.querySelectorAll("svg.track-chart"));
  if (!charts.length || !series) { return; }

  function pace(s) {
    if (s === null || s === undefined) { return "-"; }
    var whole = Math.round(s);
    return Math.floor(whole / 60) + ":" + String(whole % 60).padStart(2, "0");
  }
  function clock(s) {
    var whole = Math.round(s), h = Math.floor(whole / 3600), m = Math.floor(whole % 3600 / 60);
    var sec = String(whole % 60).padStart(2, "0");
    return h ? h + ":" + String(m).padStart(2, "0") + ":" + sec : m + ":" + sec;
  }
  function nearest(km) {
    var xs = series.distance_km, lo = 0, hi = xs.length - 1;
    while (hi - lo > 1) {
      var mid = (lo + hi) >> 1;
      if (xs[mid] < km) { lo = mid; } else { hi = mid; }
    }
    return Math.abs(xs[lo] - km) <= Math.abs(xs[hi] - km) ? lo : hi;
  }
  var current = 0;
  function show(i) {
    current = i;
    var km = series.distance_km[i];
    charts.forEach(function (svg) {
      var left = +svg.dataset.left, width = +svg.dataset.plotWidth, max = +svg.dataset.xMax;
      var line = svg.querySelector(".cursor");
      var x = left + km / max * width;
      line.setAttribute("x1", x); line.setAttribute("x2", x);
      line.setAttribute("visibility", "visible");
    });
    var parts = [km.toFixed(2) + " km", clock(series.seconds[i]), "pace " + pace(series.pace_s_per_km[i]) + " /km"];
    if (series.hr[i] !== null) { parts.push(Math.round(series.hr[i]) + " bpm"); }
    if (series.elevation[i] !== null) { parts.push(Math.round(series.elevation[i]) + " m"); }
    if (series.cadence[i] !== null) { parts.push(Math.round(series.cadence[i]) + " steps/min"); }
    readout.textContent = parts.join(" · ");
  }
  charts.forEach(function (svg) {
    function move(event) {
      var box = svg.getBoundingClientRect();
      var vx = (event.clientX - box.left) / box.width * svg.viewBox.baseVal.width;
      var left = +svg.dataset.left, width = +svg.dataset.plotWidth, max = +svg.dataset.xMax;
      var km = Math.min(Math.max((vx - left) / width, 0), 1) * max;
      show(nearest(km));
    }
    svg.addEventListener("pointermove", move);
    svg.addEventListener("pointerdown", move);
    // from the keyboard: focus a chart, then the arrow keys walk the cursor along the run
    svg.setAttribute("tabindex", "0");
    svg.addEventListener("keydown", function (event) {
      var step = { ArrowRight: 1, ArrowLeft: -1, PageDown: 10, PageUp: -10 }[event.key];
      if (!step) { return; }
      event.preventDefault();
      show(Math.min(Math.max(current + step, 0), series.distance_km.length - 1));
    });
  });
})();
