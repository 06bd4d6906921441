/* Draws every <canvas data-chart="ID">: the JSON in <script id="ID"> (Django json_script) holds
   {type, labels, datasets: [{label, data}], stacked, money, hidden}; `hidden` is the translated text for a
   suppressed value, so this file holds no words of its own. No other JavaScript in Regie. */
(function () {
  "use strict";
  var colours = ["#01689b", "#e17000", "#39870c", "#a90061", "#8fcae7", "#ffb612", "#42145f", "#76d2b6", "#94710a"];
  var locale = document.documentElement.lang === "en" ? "en-GB" : "nl-NL";  // the page's chosen language
  var euro = new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" });
  var number = new Intl.NumberFormat(locale);
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || typeof Chart === "undefined") { return; }
    var spec = JSON.parse(source.textContent);
    var format = spec.money ? euro.format : number.format;
    new Chart(canvas, {
      type: spec.type || "bar",
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (set, i) {
          var colour = colours[i % colours.length];
          return { label: set.label, data: set.data.map(function (v) { return v === null ? null : Number(v); }),
                   backgroundColor: colour, borderColor: colour, borderWidth: spec.type === "line" ? 2 : 0,
                   pointRadius: 0, tension: 0.2, spanGaps: false };
        })
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        interaction: { mode: "index", intersect: false },
        plugins: {
          legend: { position: "bottom", display: spec.datasets.length > 1 },
          tooltip: { callbacks: { label: function (c) {
            return c.dataset.label + ": " + (c.raw === null ? (spec.hidden || "—") : format(c.raw)); } } }
        },
        scales: {
          x: { stacked: !!spec.stacked, grid: { display: false } },
          y: { stacked: !!spec.stacked, beginAtZero: true, ticks: { callback: function (v) { return format(v); } } }
        }
      }
    });
  });
})();
