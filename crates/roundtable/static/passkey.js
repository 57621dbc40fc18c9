// Passkeys: a form marked `data-passkey="create"` or `"get"` carries the server's options
// (JSON, binary fields in base64url) in `data-options`. Pressing its button asks the
// browser for a passkey, writes the answer into the form's `credential` field as JSON, and
// submits the form; the server checks it. Without this script the form says passkeys need
// JavaScript, and one-time codes still work.
(function () {
  function toBytes(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var raw = atob(b64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes.buffer;
  }

  function toText(buffer) {
    if (!buffer) return null;
    var bytes = new Uint8Array(buffer);
    var raw = "";
    for (var i = 0; i < bytes.length; i++) raw += String.fromCharCode(bytes[i]);
    return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function listed(list) {
    return (list || []).map(function (c) {
      return Object.assign({}, c, { id: toBytes(c.id) });
    });
  }

  function creationOptions(options) {
    var o = Object.assign({}, options.publicKey);
    o.challenge = toBytes(o.challenge);
    o.user = Object.assign({}, o.user, { id: toBytes(o.user.id) });
    o.excludeCredentials = listed(o.excludeCredentials);
    return { publicKey: o };
  }

  function requestOptions(options) {
    var o = Object.assign({}, options.publicKey);
    o.challenge = toBytes(o.challenge);
    o.allowCredentials = listed(o.allowCredentials);
    // A button press asks at once; the browser's autofill way (conditional) is not used.
    return { publicKey: o };
  }

  function created(credential) {
    var r = credential.response;
    return {
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      response: {
        attestationObject: toText(r.attestationObject),
        clientDataJSON: toText(r.clientDataJSON),
        transports: r.getTransports ? r.getTransports() : undefined
      },
      extensions: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {}
    };
  }

  function asserted(credential) {
    var r = credential.response;
    return {
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      response: {
        authenticatorData: toText(r.authenticatorData),
        clientDataJSON: toText(r.clientDataJSON),
        signature: toText(r.signature),
        userHandle: toText(r.userHandle)
      },
      extensions: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {}
    };
  }

  function start(form) {
    var failed = form.querySelector(".passkey-failed");
    var options = JSON.parse(form.getAttribute("data-options"));
    var create = form.getAttribute("data-passkey") === "create";
    var asked = create
      ? navigator.credentials.create(creationOptions(options))
      : navigator.credentials.get(requestOptions(options));
    asked.then(function (credential) {
      form.querySelector("input[name=credential]").value =
        JSON.stringify(create ? created(credential) : asserted(credential));
      form.submit();
    }, function () {
      if (failed) failed.hidden = false;
    });
  }

  document.querySelectorAll("form[data-passkey]").forEach(function (form) {
    var button = form.querySelector("button.passkey-go");
    var missing = form.querySelector(".passkey-missing");
    if (!window.PublicKeyCredential || !navigator.credentials) return;
    if (missing) missing.hidden = true;
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function (event) {
      event.preventDefault();
      start(form);
    });
  });
})();
