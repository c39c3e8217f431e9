// The contest attempt page, when JavaScript runs: a countdown to the server's deadline
// (from the seconds the server said were left, not the phone's clock), and each answer
// saved as it is chosen, in order per question (the form still works without this file).
(() => {
  const form = document.querySelector('form[data-attempt]');
  if (!form) return;
  const end = performance.now() + Number(form.dataset.secondsLeft || 0) * 1000;
  const clock = form.querySelector('[data-clock]');
  const status = form.querySelector('[data-status]');
  const say = (text) => { if (status) status.textContent = text; };
  const warned = new Set();
  const tick = () => {
    const left = Math.max(0, Math.floor((end - performance.now()) / 1000));
    if (clock) clock.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    for (const minutes of [5, 1]) {
      if (left <= minutes * 60 && left > 0 && !warned.has(minutes)) { warned.add(minutes); say(`Còn ${minutes} phút làm bài.`); }
    }
    if (left === 0) { say('Đã hết thời gian làm bài.'); return; }
    setTimeout(tick, 1000);
  };
  tick();
  if (status && !status.textContent.trim()) say('Câu trả lời được lưu tự động.');
  // One save at a time per question, so that a quick change of mind cannot arrive before the choice it replaces.
  const queues = new Map();
  const save = async (question) => {
    const chosen = [...form.querySelectorAll(`input[data-question="${question}"]:checked`)].map((el) => Number(el.value));
    try {
      const res = await fetch(form.dataset.answerUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question, chosen }), credentials: 'same-origin' });
      const body = await res.json().catch(() => ({}));
      say(res.ok ? 'Đã lưu câu trả lời.' : body.error || 'Chưa lưu được câu trả lời; hãy bấm "Lưu câu trả lời".');
    } catch {
      say('Mất kết nối: câu trả lời chưa được lưu. Hãy bấm "Lưu câu trả lời" khi có mạng.');
    }
  };
  form.addEventListener('change', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.dataset.question) return;
    const question = input.dataset.question;
    queues.set(question, (queues.get(question) || Promise.resolve()).then(() => save(question)));
  });
})();
