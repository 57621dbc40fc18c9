// Pan and zoom for the network map: the wheel, dragging, pinching and three buttons move
// the map's viewBox. The map reads, and its links work, without this script.
(function () {
  "use strict";
  var box = document.querySelector("[data-map]");
  var svg = box && box.querySelector("svg");
  if (!svg || !svg.viewBox || !window.PointerEvent) return;
  var vb = svg.viewBox.baseVal;
  var home = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
  var view = { x: home.x, y: home.y, w: home.w, h: home.h };
  var MAX_ZOOM = 12;

  function show() {
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (v) {
      return Math.round(v * 10) / 10;
    }).join(" "));
  }

  // Keep at least half the view on the map.
  function keep() {
    view.x = Math.min(Math.max(view.x, home.x - view.w / 2), home.x + home.w - view.w / 2);
    view.y = Math.min(Math.max(view.y, home.y - view.h / 2), home.y + home.h - view.h / 2);
  }

  // The point of the map under a point of the screen.
  function at(clientX, clientY) {
    var r = svg.getBoundingClientRect();
    return { x: view.x + (clientX - r.left) / r.width * view.w, y: view.y + (clientY - r.top) / r.height * view.h };
  }

  // Zoom by `factor` (above 1: closer), keeping the map point `p` where it is on screen.
  function zoom(factor, p) {
    var w = Math.min(home.w, Math.max(home.w / MAX_ZOOM, view.w / factor));
    var f = view.w / w;
    view.x = p.x - (p.x - view.x) / f;
    view.y = p.y - (p.y - view.y) / f;
    view.w = w;
    view.h = view.h / f;
    keep();
    show();
  }

  function centre() {
    return { x: view.x + view.w / 2, y: view.y + view.h / 2 };
  }

  svg.addEventListener("wheel", function (e) {
    e.preventDefault();
    var step = e.deltaMode === 1 ? 0.05 : 0.002; // lines or pixels
    zoom(Math.exp(-e.deltaY * step), at(e.clientX, e.clientY));
  }, { passive: false });

  // Pointers down on the map: one drags, two pinch. A drag is not a click on a member.
  var pointers = new Map();
  var dragged = false;
  var spread = 0;

  svg.addEventListener("pointerdown", function (e) {
    if (pointers.size === 0) dragged = false;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY, x0: e.clientX, y0: e.clientY });
    spread = 0;
  });

  svg.addEventListener("pointermove", function (e) {
    var p = pointers.get(e.pointerId);
    if (!p) return;
    if (!dragged && Math.hypot(e.clientX - p.x0, e.clientY - p.y0) < 5) return;
    if (!dragged) {
      dragged = true;
      svg.setPointerCapture(e.pointerId);
    }
    var dx = e.clientX - p.x;
    var dy = e.clientY - p.y;
    p.x = e.clientX;
    p.y = e.clientY;
    if (pointers.size === 1) {
      var r = svg.getBoundingClientRect();
      view.x -= dx / r.width * view.w;
      view.y -= dy / r.height * view.h;
      keep();
      show();
    } else if (pointers.size === 2) {
      var both = Array.from(pointers.values());
      var d = Math.hypot(both[0].x - both[1].x, both[0].y - both[1].y);
      if (spread > 0 && d > 0) zoom(d / spread, at((both[0].x + both[1].x) / 2, (both[0].y + both[1].y) / 2));
      spread = d;
    }
  });

  function release(e) {
    pointers.delete(e.pointerId);
    spread = 0;
    // The click that ends a drag comes right after; later ones (a key on a focused member) count.
    if (pointers.size === 0) setTimeout(function () { dragged = false; }, 0);
  }
  svg.addEventListener("pointerup", release);
  svg.addEventListener("pointercancel", release);
  svg.addEventListener("click", function (e) {
    if (dragged) e.preventDefault();
  }, true);

  var bar = document.createElement("div");
  bar.className = "zoom";
  [["+", "zoomIn", 1.5], ["\u2212", "zoomOut", 1 / 1.5], ["\u21ba", "zoomReset", 0]].forEach(function (b) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary small";
    button.textContent = b[0];
    button.title = box.dataset[b[1]];
    button.setAttribute("aria-label", box.dataset[b[1]]);
    button.addEventListener("click", function () {
      if (b[2]) {
        zoom(b[2], centre());
      } else {
        view = { x: home.x, y: home.y, w: home.w, h: home.h };
        show();
      }
    });
    bar.appendChild(button);
  });
  box.insertBefore(bar, svg);
  box.classList.add("zoomable");
})();
