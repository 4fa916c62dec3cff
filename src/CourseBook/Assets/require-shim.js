// The course's charts (Plotly.NET) load require.js and plotly.js from a CDN unless the page already has a
// `requirejs` function. This one hands them the book's own plotly.js, so charts draw offline and no request
// leaves the page. It also fits charts drawn wider than the screen (Plotly.NET fixes a width) to the column.
(function () {
  "use strict";
  function available(el) {
    var box = el.parentElement || el;
    return Math.max(240, Math.floor(box.clientWidth));
  }
  var book = Object.assign({}, window.Plotly, {
    newPlot: function (id, data, layout, config) {
      var el = typeof id === "string" ? document.getElementById(id) : id;
      layout = Object.assign({}, layout);
      if (el && typeof layout.width === "number") {
        el.setAttribute("data-book-width", String(layout.width));
        layout.width = Math.min(layout.width, available(el));
      }
      el && el.classList.add("book-chart");
      return window.Plotly.newPlot(el || id, data, layout, config);
    }
  });
  function requirejs(deps, callback) {
    var modules = deps.map(function (name) {
      if (name === "plotly") return book;
      throw new Error("The book has no local copy of the script '" + name + "'.");
    });
    if (callback) callback.apply(null, modules);
  }
  requirejs.config = function () { return requirejs; };
  window.requirejs = requirejs;
  window.require = requirejs;

  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      document.querySelectorAll("[data-book-width]").forEach(function (el) {
        var width = Math.min(Number(el.getAttribute("data-book-width")), available(el));
        if (el._fullLayout && el._fullLayout.width !== width) window.Plotly.relayout(el, { width: width });
      });
    }, 150);
  });
})();
