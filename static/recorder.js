// Spoken answers on the practice and mock pages: record with the microphone (MediaRecorder), upload the recording
// when it stops so the answer's form carries its id, and, where the browser offers speech recognition, write what
// was said into the answer box for the checker. Without this script (or a microphone) the typed answer works as
// before; the recorder stays hidden.
(function () {
  "use strict";

  var LONGEST_MS = 10 * 60 * 1000;

  function clock(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function preferredType() {
    var types = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm", "audio/mp4"];
    for (var i = 0; i < types.length; i++) {
      if (window.MediaRecorder && MediaRecorder.isTypeSupported && MediaRecorder.isTypeSupported(types[i])) {
        return types[i];
      }
    }
    return "";
  }

  // The card's language decides the recogniser's: a question with Chinese characters is answered in Chinese.
  function speechLanguage() {
    var question = document.querySelector(".question");
    return question && /[\u4e00-\u9fff]/.test(question.textContent) ? "zh-CN" : "en-US";
  }

  function setup(box) {
    var form = box.closest("form");
    var answer = form.querySelector("textarea[name=answer]");
    var field = form.querySelector("input[name=recording]");
    var start = box.querySelector(".recorder-start");
    var stop = box.querySelector(".recorder-stop");
    var status = box.querySelector(".recorder-status");
    var playback = box.querySelector(".recorder-playback");
    var text = function (name, time, reason) {
      return (box.getAttribute("data-t-" + name) || "").replace("{time}", time || "").replace("{reason}", reason || "");
    };
    if (!window.MediaRecorder || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      return;
    }
    box.hidden = false;

    var recorder = null;
    var recognition = null;
    var chunks = [];
    var began = 0;
    var ticker = null;
    var limit = null;
    var transcribing = false;

    function startRecognition() {
      var Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
      if (!Recognition) {
        return false;
      }
      var before = answer.value;
      recognition = new Recognition();
      recognition.lang = speechLanguage();
      recognition.continuous = true;
      recognition.interimResults = true;
      recognition.onresult = function (event) {
        var said = "";
        for (var i = 0; i < event.results.length; i++) {
          said += event.results[i][0].transcript;
        }
        answer.value = before + (before && said ? " " : "") + said;
      };
      recognition.onerror = function () {
        // No recogniser after all (offline, or the browser has no speech service): the recording goes on.
        recognition = null;
        transcribing = false;
      };
      try {
        recognition.start();
      } catch (e) {
        recognition = null;
      }
      return recognition !== null;
    }

    function upload(blob, seconds) {
      var data = new FormData();
      data.append("_csrf", box.getAttribute("data-csrf"));
      data.append("cardId", box.getAttribute("data-card"));
      data.append("audio", blob, "answer");
      status.textContent = text("saving", clock(seconds));
      fetch(box.getAttribute("data-upload"), { method: "POST", body: data, credentials: "same-origin" })
        .then(function (response) {
          return response.json().catch(function () {
            return { error: "HTTP " + response.status };
          }).then(function (body) {
            if (!response.ok || !body.id) {
              throw new Error(body.error || ("HTTP " + response.status));
            }
            return body;
          });
        })
        .then(function (body) {
          field.value = String(body.id);
          playback.src = body.url;
          playback.hidden = false;
          status.textContent = text("saved", clock(seconds));
        })
        .catch(function (error) {
          field.value = "";
          status.textContent = text("failed", "", error.message);
        });
    }

    function finish() {
      if (!recorder || recorder.state === "inactive") {
        return;
      }
      recorder.stop();
      if (recognition) {
        recognition.stop();
      }
    }

    start.addEventListener("click", function () {
      navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
        var type = preferredType();
        recorder = new MediaRecorder(stream, type ? { mimeType: type, audioBitsPerSecond: 32000 } : {});
        chunks = [];
        recorder.ondataavailable = function (event) {
          if (event.data && event.data.size > 0) {
            chunks.push(event.data);
          }
        };
        recorder.onstop = function () {
          var elapsed = Date.now() - began;
          clearInterval(ticker);
          clearTimeout(limit);
          stream.getTracks().forEach(function (track) { track.stop(); });
          start.hidden = false;
          stop.hidden = true;
          start.focus();
          upload(new Blob(chunks, { type: recorder.mimeType || type || "audio/webm" }), elapsed);
        };
        began = Date.now();
        recorder.start(1000);
        transcribing = startRecognition();
        start.hidden = true;
        stop.hidden = false;
        stop.focus();
        var show = function () {
          status.textContent = text(transcribing ? "transcribing" : "recording", clock(Date.now() - began));
        };
        show();
        ticker = setInterval(show, 1000);
        limit = setTimeout(function () {
          finish();
        }, LONGEST_MS);
      }).catch(function (error) {
        status.textContent = text(error && error.name === "NotAllowedError" ? "denied" : "unavailable");
      });
    });
    stop.addEventListener("click", finish);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".recorder").forEach(setup);
  });
})();
