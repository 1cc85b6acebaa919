// The scan page (/scan) for service-point and partner staff. Three ways in, one verification call:
//  - a USB scanner gun types the code into the focused input and presses Enter (the form's submit);
//  - the camera: getUserMedia frames drawn on a canvas and decoded by jsQR (bundled from npm, see package.json);
//  - typing or pasting the code by hand.
// With JavaScript the form is verified by fetch (POST /api/v1/codes/verify, JSON, the sign-in cookie) without reloading
// the page; without it the same form posts to the server, which renders the same result. Plain script, no bundler.
(function () {
  'use strict';

  var form = document.getElementById('scan-form');
  var input = document.getElementById('scan-code');
  var submit = document.getElementById('scan-submit');
  var result = document.getElementById('scan-result');
  var recent = document.getElementById('scan-recent-body');
  var text = JSON.parse(document.getElementById('scan-text').textContent);
  if (!form || !input || !result) {
    return;
  }

  var MAX_CODE_LENGTH = 4096;
  var SAME_CODE_PAUSE_MS = 3000;
  var busy = false;
  var pending = null;
  var cameraCode = '';
  var cameraSeenAt = 0;

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (content !== undefined && content !== null) {
      node.textContent = content;
    }
    return node;
  }

  function clock(iso) {
    if (!iso) {
      return '—';
    }
    try {
      // "2026-11-21 14:05:09" in business time (Asia/Shanghai), as the server renders instants.
      return new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false });
    } catch (e) {
      return iso;
    }
  }

  function outcomeTitle(outcome) {
    return (text.outcomes[outcome] || text.outcomes.unknown);
  }

  // Renders the verification result exactly like the server-rendered version (Scan.razor) does.
  function showResult(v, source) {
    var valid = v.outcome === 'valid';
    result.innerHTML = '';
    result.className = 'scan-result ' + (valid ? 'scan-result-valid' : 'scan-result-refused');
    result.setAttribute('data-outcome', v.outcome);
    result.setAttribute('data-scan-id', v.scanId || '');

    var verdict = el('div', 'scan-verdict');
    verdict.setAttribute('data-testid', 'scan-verdict');
    verdict.appendChild(el('span', 'scan-verdict-mark', valid ? '✓' : '✕')).setAttribute('aria-hidden', 'true');
    verdict.appendChild(el('span', null, valid ? text.valid : text.refused));
    result.appendChild(verdict);

    var reason = el('p', 'scan-reason', text.reasons[v.outcome] || v.reason || outcomeTitle(v.outcome));
    reason.setAttribute('data-testid', 'scan-reason');
    result.appendChild(reason);

    if (v.mode === 'static') {
      var marker = el('p', 'scan-static', text.staticMarker);
      marker.setAttribute('data-testid', 'scan-static');
      result.appendChild(marker);
    }

    if (v.level || v.maskedName) {
      var who = el('div', 'scan-who');
      if (v.level) {
        var badge = el('span', 'scan-level', text.levels[v.level] || v.level);
        badge.setAttribute('data-testid', 'scan-level');
        who.appendChild(badge);
      }
      var details = el('div');
      var nameLine = el('div', 'scan-name', v.maskedName || '');
      nameLine.setAttribute('data-testid', 'scan-name');
      details.appendChild(nameLine);
      var labels = [];
      if (v.level) {
        labels.push(text.levelLabels[v.level] || v.level);
      }
      if (v.category) {
        labels.push(text.categories[v.category] || v.category);
      }
      details.appendChild(el('div', 'scan-level-label', labels.join(' · ')));
      who.appendChild(details);
      result.appendChild(who);
    }

    if (valid && v.rights && v.rights.length > 0) { // a refused code grants nothing: no rights shown
      var rightsHeading = el('div', 'scan-rights-heading', text.rightsHeading);
      result.appendChild(rightsHeading);
      var list = el('ul', 'scan-rights');
      list.setAttribute('data-testid', 'scan-rights');
      v.rights.forEach(function (right) {
        list.appendChild(el('li', null, text.rights[right] || right));
      });
      result.appendChild(list);
    }

    var meta = el('p', 'scan-meta', text.scannedAt + ' ' + clock(v.scannedAt) + (source ? ' · ' + source : '') +
      (v.expiresAt ? ' · ' + text.expiresAt + ' ' + clock(v.expiresAt) : ''));
    result.appendChild(meta);
    addRecent(v);
    reveal();
  }

  // On a phone the result sits below the input and the camera: bring it into view (the input keeps the focus).
  function reveal() {
    var box = result.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      result.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  }

  function showProblem(message) {
    result.innerHTML = '';
    result.className = 'scan-result scan-result-error';
    result.setAttribute('data-outcome', 'error');
    var verdict = el('div', 'scan-verdict', text.notChecked);
    verdict.setAttribute('data-testid', 'scan-verdict');
    result.appendChild(verdict);
    var reason = el('p', 'scan-reason', message);
    reason.setAttribute('data-testid', 'scan-reason');
    result.appendChild(reason);
    reveal();
  }

  function addRecent(v) {
    if (!recent) {
      return;
    }
    var empty = recent.querySelector('[data-testid=scans-empty]');
    if (empty) {
      empty.parentNode.removeChild(empty);
    }
    var row = el('tr');
    row.setAttribute('data-testid', 'scan-row');
    row.appendChild(el('td', null, clock(v.scannedAt)));
    row.appendChild(el('td', null, v.maskedName || '—'));
    row.appendChild(el('td', null, v.level ? (text.levels[v.level] || v.level) : '—'));
    var outcome = el('td');
    outcome.appendChild(el('span', v.outcome === 'valid' ? 'badge badge-ok' : 'badge badge-err', outcomeTitle(v.outcome)));
    row.appendChild(outcome);
    recent.insertBefore(row, recent.firstChild);
    while (recent.rows.length > 20) {
      recent.deleteRow(recent.rows.length - 1);
    }
  }

  function verify(code, source) {
    code = code.trim();
    if (!code) {
      showProblem(text.empty);
      return;
    }
    if (code.length > MAX_CODE_LENGTH) {
      showProblem(text.tooLong);
      return;
    }
    if (busy) {
      pending = { code: code, source: source }; // a scanner gun may be faster than the answer: keep the latest
      return;
    }
    busy = true;
    result.setAttribute('aria-busy', 'true');
    if (submit) {
      submit.disabled = true;
    }
    fetch('/api/v1/codes/verify', {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ code: code }),
    })
      .then(function (response) {
        if (response.ok) {
          return response.json().then(function (v) {
            showResult(v, source);
          });
        }
        if (response.status === 401) {
          showProblem(text.signedOut);
        } else if (response.status === 403) {
          showProblem(text.forbidden);
        } else if (response.status === 413) {
          showProblem(text.tooLong);
        } else {
          showProblem(text.failed + ' (HTTP ' + response.status + ')');
        }
        return null;
      })
      .catch(function () {
        showProblem(text.network);
      })
      .then(function () {
        busy = false;
        result.removeAttribute('aria-busy');
        if (submit) {
          submit.disabled = false;
        }
        if (pending) {
          var next = pending;
          pending = null;
          verify(next.code, next.source);
        }
      });
  }

  // On a touch screen the autofocused input would open the on-screen keyboard over the camera view: let it go.
  // Typing (a scanner gun on a tablet, say) still reaches the input through the keydown handler below.
  if (window.matchMedia && window.matchMedia('(pointer: coarse)').matches && document.activeElement === input) {
    input.blur();
  }

  // Scanner guns and keyboards: the form's submit (Enter) verifies without leaving the page.
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var code = input.value;
    input.value = '';
    verify(code, text.sourceInput);
    input.focus();
  });

  // A scanner gun types wherever the focus is: bring stray typing back to the code input.
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var tag = target && target.tagName;
    if (event.ctrlKey || event.altKey || event.metaKey || event.key.length !== 1) {
      return;
    }
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable)) {
      return;
    }
    if (event.key === ' ' && (tag === 'BUTTON' || tag === 'A')) {
      return; // the space bar presses a focused button: keyboard users keep that
    }
    input.focus();
  });

  // Camera scanning.
  var camera = document.getElementById('scan-camera');
  var toggle = document.getElementById('camera-toggle');
  var video = document.getElementById('camera-video');
  var status = document.getElementById('camera-status');
  var canvas = document.createElement('canvas');
  var context = canvas.getContext('2d', { willReadFrequently: true });
  var stream = null;
  var timer = 0;
  var FRAME_MS = 150;
  var MAX_FRAME_SIDE = 960;

  if (!camera || !toggle || !video || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || typeof window.jsQR !== 'function') {
    return; // No camera support (or no secure context): the input and the form still work.
  }
  camera.hidden = false;

  function setStatus(message) {
    status.textContent = message;
  }

  function stopCamera() {
    window.clearTimeout(timer);
    if (stream) {
      stream.getTracks().forEach(function (track) {
        track.stop();
      });
    }
    stream = null;
    video.srcObject = null;
    video.hidden = true;
    toggle.textContent = text.cameraStart;
    toggle.setAttribute('aria-pressed', 'false');
    setStatus(text.cameraStopped);
  }

  function scanFrame() {
    if (!stream) {
      return;
    }
    var width = video.videoWidth;
    var height = video.videoHeight;
    if (width > 0 && height > 0 && video.readyState >= 2) {
      var scale = Math.min(1, MAX_FRAME_SIDE / Math.max(width, height));
      var w = Math.round(width * scale);
      var h = Math.round(height * scale);
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      context.drawImage(video, 0, 0, w, h);
      var image = context.getImageData(0, 0, w, h);
      var found = window.jsQR(image.data, w, h, { inversionAttempts: 'dontInvert' });
      if (found && found.data) {
        var code = found.data.trim();
        var now = performance.now();
        // A code held in front of the camera is verified once; the same code again only after it was out of view
        // for a moment (SAME_CODE_PAUSE_MS), so one scan is logged per showing, not one per frame.
        var seenJustNow = code === cameraCode && now - cameraSeenAt < SAME_CODE_PAUSE_MS;
        cameraCode = code;
        cameraSeenAt = now;
        if (!busy && !seenJustNow) {
          verify(code, text.sourceCamera);
        }
      }
    }
    timer = window.setTimeout(scanFrame, FRAME_MS);
  }

  function startCamera() {
    toggle.disabled = true;
    setStatus(text.cameraStarting);
    navigator.mediaDevices.getUserMedia({ audio: false, video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } } })
      .then(function (s) {
        stream = s;
        video.srcObject = s;
        video.hidden = false;
        return video.play();
      })
      .then(function () {
        toggle.textContent = text.cameraStop;
        toggle.setAttribute('aria-pressed', 'true');
        setStatus(text.cameraOn);
        scanFrame();
      })
      .catch(function (error) {
        stopCamera();
        setStatus((error && error.name === 'NotAllowedError') ? text.cameraDenied : text.cameraFailed);
      })
      .then(function () {
        toggle.disabled = false;
      });
  }

  toggle.addEventListener('click', function () {
    if (stream) {
      stopCamera();
    } else {
      startCamera();
    }
  });
  document.addEventListener('visibilitychange', function () {
    if (document.hidden && stream) {
      stopCamera(); // never keep the camera on in a background tab
    }
  });
})();
