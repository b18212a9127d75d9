// Sluice web UI: the two behaviours htmx does not give: following a live log, and folding log sections.
(function () {
  function follow() {
    var box = document.getElementById('follow');
    return box && box.checked;
  }
  document.addEventListener('htmx:sseMessage', function (e) {
    if (e.detail && e.detail.type === 'log' && follow()) {
      window.scrollTo(0, document.body.scrollHeight);
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    if (follow() && !location.hash) {
      window.scrollTo(0, document.body.scrollHeight);
    }
    var target = location.hash && document.getElementById(location.hash.substring(1));
    if (target) {
      target.classList.add('target');
    }
  });
  // Scrolling up stops following, like a terminal's scrollback; ticking the box follows again.
  window.addEventListener('wheel', function (e) {
    var box = document.getElementById('follow');
    if (box && e.deltaY < 0) {
      box.checked = false;
    }
  });
  document.addEventListener('click', function (e) {
    var fold = e.target.closest('.fold');
    if (!fold) {
      return;
    }
    var head = fold.closest('.l');
    var name = head.getAttribute('data-sec');
    var open = fold.getAttribute('aria-expanded') === 'true';
    fold.setAttribute('aria-expanded', open ? 'false' : 'true');
    fold.setAttribute('aria-label', (open ? 'Expand' : 'Collapse') + ' section ' + name);
    fold.textContent = open ? '▸' : '▾';
    for (var line = head.nextElementSibling; line; line = line.nextElementSibling) {
      if (line.classList.contains('sec-e') && line.getAttribute('data-sec') === name) {
        break;
      }
      line.hidden = open;
    }
  });
  // htmx requests carry the session's CSRF token as a header; plain forms carry it as a hidden field.
  document.addEventListener('htmx:configRequest', function (e) {
    var token = document.querySelector('meta[name="csrf-token"]');
    if (token) {
      e.detail.headers['X-CSRF-Token'] = token.content;
    }
  });
})();
