// The web chat. Every piece of text, the candidate's and the bot's, is set with textContent: never parsed as HTML.
(() => {
  const log = document.getElementById('log');
  const form = document.getElementById('ask');
  const input = document.getElementById('question');
  const posting = document.getElementById('posting');
  const conversationId = sessionStorage.getItem('botshop.conversation') || newId();
  sessionStorage.setItem('botshop.conversation', conversationId);

  function newId() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function add(node) {
    log.appendChild(node);
    node.scrollIntoView({ block: 'end' });
    return node;
  }

  async function post(path, body) {
    const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || `The server answered ${response.status}.`);
    }
    return response.status === 204 ? null : response.json();
  }

  function feedbackButtons(messageId) {
    const bar = el('div', 'actions');
    for (const [vote, label] of [['up', '👍 Helpful'], ['down', '👎 Not helpful']]) {
      const button = el('button', null, label);
      button.type = 'button';
      button.dataset.vote = vote;
      button.setAttribute('aria-pressed', 'false');
      button.addEventListener('click', async () => {
        await post('/api/chat/feedback', { messageId, vote, conversationId });
        bar.querySelectorAll('button').forEach(b => b.setAttribute('aria-pressed', String(b === button)));
      });
      bar.appendChild(button);
    }
    return bar;
  }

  function choiceButtons(choices) {
    const bar = el('div', 'actions');
    for (const choice of choices) {
      const button = el('button', null, choice.label);
      button.type = 'button';
      button.addEventListener('click', () => ask({ text: choice.label, chosenIntent: choice.value }));
      bar.appendChild(button);
    }
    return bar;
  }

  function showReply(reply) {
    const bubble = el('li', 'msg bot' + (reply.answered ? '' : ' declined'));
    bubble.dataset.kind = reply.kind;
    bubble.appendChild(el('div', 'text', reply.text));
    for (const source of reply.sources) {
      const quote = el('blockquote', null, source.text);
      quote.appendChild(el('cite', null, 'From the posting: ' + source.section));
      bubble.appendChild(quote);
    }
    if (reply.choices.length) bubble.appendChild(choiceButtons(reply.choices));
    if (reply.answered) bubble.appendChild(feedbackButtons(reply.messageId));
    add(bubble);
  }

  async function ask({ text, chosenIntent }) {
    add(el('li', 'msg user', text));
    try {
      showReply(await post('/api/chat/messages', { postingId: posting.value, conversationId, text, chosenIntent }));
    } catch (error) {
      add(el('li', 'msg bot declined', 'Sorry, something went wrong: ' + error.message));
    }
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    ask({ text });
  });

  fetch('/api/chat/postings').then(r => r.json()).then(postings => {
    for (const p of postings) posting.appendChild(new Option(p.title, p.id));
  });
})();
