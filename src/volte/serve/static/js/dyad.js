/* Dyad page: draw the Vega-Lite timeline and show the sentences behind a clicked bar, point or event. */
(function () {
  "use strict";
  var chart = document.getElementById("chart");
  var detail = document.getElementById("detail");
  var specNode = document.getElementById("chart-spec");
  var freq = chart ? chart.dataset.freq : "day";

  function addDays(day, n) {
    var d = new Date(day + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function showEvents(title, events, total) {
    detail.replaceChildren(el("h3", {}, title));
    if (!events.length) { detail.appendChild(el("p", { "class": "empty" }, "No events.")); return; }
    var list = el("ol", { "class": "sentences" });
    events.forEach(function (e) {
      var item = el("li", { "class": "q" + e.quad_class, "data-event": e.event_id });
      item.appendChild(el("div", { "class": "what" }, (e.date || "") + "  " + e.source + " " + e.code + " " + e.target + "  (" + (e.trigger || "") + ")"));
      item.appendChild(el("blockquote", { "class": "sentence" }, e.sentence));
      var link = el("a", { href: "/article/" + encodeURIComponent(e.doc_id).replace(/%2F/g, "/") + "#ev-" + e.event_id }, "article " + e.doc_id);
      item.appendChild(link);
      list.appendChild(item);
    });
    detail.appendChild(list);
    if (total > events.length) detail.appendChild(el("p", { "class": "hint" }, "Showing " + events.length + " of " + total + "."));
  }

  function showPeriod(d) {
    // the server gives each period its last day (d.until): a week is 7 days, a month 28 to 31
    var since = d.day, until = d.until || (freq === "week" ? addDays(d.day, 6) : d.day);
    var title = d.source + " → " + d.target + ", " + (d.period || d.day);
    var url = "/api/events?source=" + encodeURIComponent(d.source) + "&target=" + encodeURIComponent(d.target) +
      "&since=" + since + "&until=" + until + "&limit=100";
    detail.replaceChildren(el("p", { "class": "hint" }, "Loading…"));
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        if (!res.ok) { detail.replaceChildren(el("p", { "class": "error" }, res.body.error)); return; }
        showEvents(title, res.body.events, res.body.total);
      })
      .catch(function (err) { detail.replaceChildren(el("p", { "class": "error" }, String(err))); });
  }

  function showRow(body, onSummary) {
    var row = body.querySelector("details");
    if (!row) return;
    if (!onSummary) row.open = true;  // a click on the summary toggles it natively
    detail.replaceChildren(el("h3", {}, body.querySelector("td").textContent + " · " + body.querySelectorAll("td")[1].textContent));
    detail.appendChild(row.querySelector("blockquote").cloneNode(true));
    detail.appendChild(row.querySelector(".links").cloneNode(true));
  }

  document.querySelectorAll("#events tbody.event").forEach(function (body) {
    body.addEventListener("click", function (ev) {
      if (ev.target.closest("a")) return;
      showRow(body, !!ev.target.closest("summary"));
    });
  });

  if (!chart || !specNode || typeof vegaEmbed === "undefined") return;
  var spec = JSON.parse(specNode.textContent);
  var width = Math.max(320, chart.clientWidth - 150);
  (spec.vconcat || []).forEach(function (row) { row.width = width; });
  volteChart(chart, spec, function (d) {
    if (d.url && d.url.indexOf("/shift/") === 0) { window.location.assign(d.url); return; }  // a reversal marker
    if (d.day && d.source) showPeriod(d);
  });
})();
