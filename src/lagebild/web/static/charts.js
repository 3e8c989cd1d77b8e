/* Charts for the dyad and network pages. Data comes from <script type="application/json">
   blocks written by the server with |tojson; nothing here builds HTML from article text
   except through esc(). Loaded as a static file so the Content-Security-Policy can forbid
   inline scripts. */
(function () {
  "use strict";

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // Only follow links the server made: same-origin paths.
  function go(url) {
    if (typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/") {
      window.location.href = url;
    }
  }

  function timeline() {
    var rows = data("timeline-data");
    var el = document.getElementById("timeline");
    if (!rows || !el || typeof echarts === "undefined") return;
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { data: ["Kooperation", "Konflikt", "Saldo"] },
      grid: { left: 50, right: 50, bottom: 40, top: 40 },
      xAxis: { type: "category", data: rows.map(function (r) { return r.month; }) },
      yAxis: [
        { type: "value", name: "Ereignisse" },
        { type: "value", name: "Saldo", splitLine: { show: false } }
      ],
      series: [
        { name: "Kooperation", type: "bar", stack: "n", color: "#23803d",
          data: rows.map(function (r) { return r.cooperation; }) },
        { name: "Konflikt", type: "bar", stack: "n", color: "#b3261e",
          data: rows.map(function (r) { return -r.conflict; }) },
        { name: "Saldo", type: "line", yAxisIndex: 1, color: "#1f5f99",
          data: rows.map(function (r) { return r.score; }) }
      ]
    });
    el.setAttribute("data-rendered", "true");
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function network() {
    var graph = data("network-data");
    var el = document.getElementById("network");
    if (!graph || !el || typeof echarts === "undefined") return;
    var maxEvents = Math.max.apply(null, graph.nodes.map(function (n) { return n.events; }).concat([1]));
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: {
        formatter: function (p) {
          if (p.dataType === "edge") {
            var d = p.data;
            return esc(d.source + " – " + d.target) + "<br>" + esc(d.events) + " Ereignisse, " +
              esc(d.cooperation) + " Kooperation, " + esc(d.conflict) + " Konflikt";
          }
          return esc(p.data.label + " (" + p.data.id + ")") + "<br>" + esc(p.data.events) + " Ereignisse";
        }
      },
      series: [{
        type: "graph",
        layout: "force",
        roam: true,
        draggable: true,
        label: { show: true, position: "right", formatter: function (p) { return p.data.id; } },
        // A finished layout at once for small graphs; large ones settle visibly (else the tab hangs).
        force: { repulsion: 350, edgeLength: [70, 200], gravity: 0.1,
                 layoutAnimation: graph.nodes.length > 150 },
        data: graph.nodes.map(function (n) {
          return { id: n.id, name: n.id, label: n.name, events: n.events, url: n.url,
                   symbolSize: 12 + 38 * Math.sqrt(n.events / maxEvents), itemStyle: { color: "#1f5f99" } };
        }),
        links: graph.links.map(function (l) {
          return { source: l.source, target: l.target, events: l.events, url: l.url,
                   cooperation: l.cooperation, conflict: l.conflict,
                   lineStyle: { width: 1 + Math.log2(1 + l.events) * 2, opacity: 0.8,
                                color: l.score > 0 ? "#23803d" : (l.score < 0 ? "#b3261e" : "#8a939c") } };
        })
      }]
    });
    chart.on("click", function (p) { go(p.data && p.data.url); });
    el.setAttribute("data-rendered", "true");
    window.addEventListener("resize", function () { chart.resize(); });
  }

  timeline();
  network();
})();
