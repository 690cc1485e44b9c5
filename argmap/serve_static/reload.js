// argmap serve's live reload: added to pages as they are served, never to
// the files `argmap build` writes. The server streams its state; the page
// reloads when a newer build exists and shows the corpus errors over the last
// good map while the corpus does not build.
(function () {
  "use strict";
  var script = document.currentScript;
  var shown = Number(script && script.dataset.argmapGeneration);
  var overlay = null;

  function showErrors(lines) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "argmap-serve-errors";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = [
        "position:fixed", "left:0", "right:0", "bottom:0", "z-index:2147483647",
        "max-height:50vh", "overflow:auto", "margin:0", "padding:12px 16px",
        "background:#fff4f4", "color:#5c0000", "border-top:4px solid #b00020",
        "font:14px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace",
        "box-shadow:0 -2px 12px rgba(0,0,0,.25)"
      ].join(";");
      var heading = document.createElement("strong");
      heading.textContent = "The corpus has errors; this is the last map that built. Fix them and save.";
      var list = document.createElement("pre");
      list.style.cssText = "margin:8px 0 0;white-space:pre-wrap";
      overlay.appendChild(heading);
      overlay.appendChild(list);
      document.body.appendChild(overlay);
    }
    // textContent, never innerHTML: corpus text stays text.
    overlay.lastChild.textContent = lines.join("\n");
  }

  function hideErrors() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  var events = new EventSource("/__argmap__/events");
  events.addEventListener("state", function (event) {
    var state = JSON.parse(event.data);
    if (state.errors.length) {
      showErrors(state.errors);
    } else if (state.generation !== shown) {
      events.close();
      location.reload();
    } else {
      hideErrors();
    }
  });
})();
