// A conversation's newest page, live: new, edited and deleted messages arrive over a
// WebSocket, and the form sends without reloading the page. Without this script the page
// works as it is: send with the form, reload for what is new.
//
// The page says where it stopped (the last message shown, and the server's time it was
// made); a socket that drops reconnects from there, so nothing is lost and nothing shown
// twice. No typing or presence is ever sent.
(function () {
  "use strict";
  var list = document.getElementById("messages");
  if (!list || !list.dataset.live || !window.WebSocket) return;
  var after = Number(list.dataset.after) || 0;
  var since = Number(list.dataset.since) || 0;
  var status = document.getElementById("live-status");
  var socket = null;
  var delay = 1000;

  function address() {
    var here = window.location;
    return (here.protocol === "https:" ? "wss://" : "ws://") + here.host + list.dataset.live +
      "?after=" + after + "&since=" + since;
  }

  // A message as the server rendered it: replaces the one shown, or comes last.
  function place(message) {
    var holder = document.createElement("template");
    holder.innerHTML = message.html.trim();
    var item = holder.content.firstElementChild;
    if (!item) return;
    var shown = document.getElementById("m-" + message.id);
    if (shown) {
      shown.replaceWith(item);
      return;
    }
    var empty = list.querySelector(".empty");
    if (empty) empty.remove();
    list.appendChild(item);
  }

  // What is on a page in view is read; a page in a background tab has not been seen.
  function read() {
    if (socket && socket.readyState === WebSocket.OPEN && document.visibilityState === "visible" && after > 0) {
      socket.send("read " + after);
    }
  }

  function connect() {
    socket = new WebSocket(address());
    socket.onopen = function () {
      delay = 1000;
      if (status) status.hidden = true;
    };
    socket.onmessage = function (event) {
      var data;
      try {
        data = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      (data.messages || []).forEach(function (message) {
        var near = window.innerHeight + window.scrollY >= document.body.scrollHeight - 80;
        place(message);
        if (message.id > after) after = message.id;
        if (near) window.scrollTo(0, document.body.scrollHeight);
      });
      if (data.at) since = data.at;
      read();
    };
    socket.onclose = function (event) {
      socket = null;
      // Signed out, or no longer in the conversation: a reload says which.
      if (event.code >= 4400 && event.code < 4500) return;
      if (status) status.hidden = false;
      window.setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }

  document.addEventListener("visibilitychange", read);
  connect();

  // Send without leaving the page; the message comes back over the socket. A reply, or
  // anything the server refuses, goes the ordinary way so the page shows why.
  var form = document.getElementById("send");
  if (!form || !window.fetch || !window.URLSearchParams) return;
  form.addEventListener("submit", function (event) {
    if (form.querySelector("[name=reply_to]") || !socket) return;
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      credentials: "same-origin",
      redirect: "manual"
    }).then(function (response) {
      if (button) button.disabled = false;
      if (response.type === "opaqueredirect" || response.ok) {
        form.reset();
        var text = form.querySelector("textarea");
        if (text) text.focus();
      } else {
        form.submit();
      }
    }, function () {
      // Not sent (the connection is down): the text stays for another try.
      if (button) button.disabled = false;
      if (status) status.hidden = false;
    });
  });
})();
