// The talent's dynamic code (/me/code): counts down and fetches a fresh code from GET /api/v1/codes/me every period.
// The page is fully rendered by the server (first code included), so without JavaScript it still shows a valid code
// and reloads itself (<noscript> meta refresh). Plain script, no bundler, no third-party code.
(function () {
  'use strict';

  // The static code prints on its own (see @media print in codes.css).
  Array.prototype.forEach.call(document.querySelectorAll('[data-print]'), function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      window.print();
    });
  });

  var card = document.getElementById('code-card');
  if (!card || card.getAttribute('data-mode') !== 'dynamic') {
    return;
  }

  var qr = document.getElementById('code-qr');
  var level = document.getElementById('code-level');
  var levelLabel = document.getElementById('code-level-label');
  var name = document.getElementById('code-name');
  var seconds = document.getElementById('code-seconds');
  var countdown = document.getElementById('code-countdown');
  var expiresText = document.getElementById('code-expires');
  var offline = document.getElementById('code-offline');
  var offlineText = document.getElementById('code-offline-text');
  var expired = document.getElementById('code-expired');
  var refreshNow = document.getElementById('code-refresh');
  var text = JSON.parse(document.getElementById('code-text').textContent);

  var RETRY_MS = 5000;
  var refreshAt = 0; // performance.now() when the next refresh is due
  var expiresAt = 0; // performance.now() when the code on screen stops working
  var expiresIso = '';
  var inFlight = false;
  var failing = false;

  function schedule(refreshAfterSeconds, expiresInSeconds, expiresAtIso) {
    var now = performance.now();
    refreshAt = now + Math.max(1, refreshAfterSeconds) * 1000;
    expiresAt = now + Math.max(0, expiresInSeconds) * 1000;
    expiresIso = expiresAtIso;
  }

  // The clock of the phone may be wrong: the server's own figures (seconds from now) drive the countdown.
  schedule(
    Number(card.getAttribute('data-refresh-after')),
    Number(card.getAttribute('data-expires-in')),
    card.getAttribute('data-expires-at'));

  function clock(iso) {
    try {
      return new Date(iso).toLocaleTimeString(text.locale, { timeZone: 'Asia/Shanghai', hour12: false });
    } catch (e) {
      return iso;
    }
  }

  function render(code) {
    qr.innerHTML = code.qrSvg;
    card.setAttribute('data-code', code.code);
    card.setAttribute('data-expires-at', code.expiresAt);
    level.textContent = text.levels[code.level] || code.level;
    if (levelLabel) {
      levelLabel.textContent = text.levelLabels[code.level] || code.level;
    }
    name.textContent = code.maskedName;
    if (expiresText) {
      expiresText.textContent = clock(code.expiresAt);
    }
  }

  function setOffline(on) {
    failing = on;
    offline.hidden = !on;
    if (on) {
      offlineText.textContent = text.offline.replace('{time}', clock(expiresIso));
    }
  }

  function refresh() {
    if (inFlight) {
      return;
    }
    inFlight = true;
    fetch('/api/v1/codes/me', { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 401) {
          // Signed out (cookie expired): the sign-in page brings the talent back here.
          window.location.assign('/account/signin?returnUrl=%2Fme%2Fcode');
          return null;
        }
        if (!response.ok) {
          // Not eligible any more (suspended, level removed): the server-rendered page explains why.
          if (response.status === 404 || response.status === 409) {
            window.location.reload();
            return null;
          }
          throw new Error('HTTP ' + response.status);
        }
        // The server's clock (Date header) rather than the phone's tells how long the new code lasts.
        var serverNow = Date.parse(response.headers.get('Date') || '') || Date.now();
        return response.json().then(function (code) {
          code.expiresIn = (Date.parse(code.expiresAt) - serverNow) / 1000;
          return code;
        });
      })
      .then(function (code) {
        if (!code) {
          return;
        }
        render(code);
        schedule(Number(code.refreshAfterSeconds), Math.max(code.expiresIn, Number(code.refreshAfterSeconds)), code.expiresAt);
        setOffline(false);
        card.classList.remove('code-card-expired');
        expired.hidden = true;
      })
      .catch(function () {
        setOffline(true);
        refreshAt = performance.now() + RETRY_MS;
      })
      .then(function () {
        inFlight = false;
        tick();
      });
  }

  function tick() {
    var now = performance.now();
    var left = Math.max(0, Math.ceil((refreshAt - now) / 1000));
    seconds.textContent = String(left);
    if (failing && now >= expiresAt) {
      // Offline past the code's expiry: the code on screen would be refused; say so instead of showing it as good.
      card.classList.add('code-card-expired');
      expired.hidden = false;
      countdown.hidden = true;
    } else {
      countdown.hidden = false;
    }
    if (now >= refreshAt) {
      refresh();
    }
  }

  if (refreshNow) {
    refreshNow.addEventListener('click', function (event) {
      event.preventDefault();
      refreshAt = 0;
      refresh();
    });
  }
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) {
      tick();
    }
  });
  window.addEventListener('online', function () {
    if (failing) {
      refresh();
    }
  });
  window.setInterval(tick, 1000);
  tick();
})();
