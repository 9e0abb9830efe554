// The preview's side of the QWebChannel bridge (ui/preview/previewview.h): patches the
// article body in place, and maps scrolling to source lines and back by the
// data-sourcepos attributes that the renderer writes on blocks. It is the only script
// of the page; the Content-Security-Policy lets nothing else run.
'use strict';

(function () {
    const body = document.getElementById('copydesk-body');
    let bridge = null;
    let lastReported = 0;
    let scrollQueued = false;

    const kPositions = / data-sourcepos="[^"]*"/g;

    // A node's content without its source positions: blocks below an edit move to
    // other lines but are the same blocks, and keep their DOM nodes.
    function keyOf(node) {
        if (node.__copydeskKey === undefined) {
            if (node.nodeType === Node.ELEMENT_NODE)
                node.__copydeskKey = node.outerHTML.replace(kPositions, '');
            else
                node.__copydeskKey = '#' + node.nodeType + ':' + node.nodeValue;
        }
        return node.__copydeskKey;
    }

    function copyPositions(from, to) {
        if (from.nodeType !== Node.ELEMENT_NODE)
            return;
        if (from.getAttribute('data-sourcepos') === to.getAttribute('data-sourcepos'))
            return;
        const sources = [from, ...from.querySelectorAll('[data-sourcepos]')];
        const targets = [to, ...to.querySelectorAll('[data-sourcepos]')];
        for (let i = 0; i < sources.length && i < targets.length; ++i)
            targets[i].setAttribute('data-sourcepos', sources[i].getAttribute('data-sourcepos'));
    }

    // Line breaks between blocks are not content; without them, the blocks of the page
    // as loaded and of each fragment line up.
    function blocks(parent) {
        for (const node of Array.from(parent.childNodes)) {
            if (node.nodeType === Node.TEXT_NODE && node.nodeValue.trim() === '')
                parent.removeChild(node);
        }
        return Array.from(parent.childNodes);
    }

    // Replaces the body's children by those of `html`, keeping the unchanged ones at
    // the start and at the end (a keystroke changes one block, or a few).
    function patch(html) {
        const template = document.createElement('template');
        template.innerHTML = html;
        const fresh = blocks(template.content);
        const old = blocks(body);
        let start = 0;
        while (start < old.length && start < fresh.length && keyOf(old[start]) === keyOf(fresh[start]))
            ++start;
        let oldEnd = old.length;
        let freshEnd = fresh.length;
        while (oldEnd > start && freshEnd > start &&
               keyOf(old[oldEnd - 1]) === keyOf(fresh[freshEnd - 1])) {
            --oldEnd;
            --freshEnd;
        }
        for (let i = 0; i < start; ++i)
            copyPositions(fresh[i], old[i]);
        for (let i = oldEnd, j = freshEnd; i < old.length; ++i, ++j)
            copyPositions(fresh[j], old[i]);
        const before = oldEnd < old.length ? old[oldEnd] : null;
        for (let i = start; i < oldEnd; ++i)
            body.removeChild(old[i]);
        for (let i = start; i < freshEnd; ++i)
            body.insertBefore(fresh[i], before);
    }

    function lines(element) {
        const match = /^(\d+):\d+-(\d+):\d+$/.exec(element.getAttribute('data-sourcepos') || '');
        return match ? [Number(match[1]), Number(match[2])] : null;
    }

    // The innermost block whose lines cover `line`, else the first one after it,
    // else the last block.
    function blockOf(line) {
        let best = null;
        let bestSpan = Infinity;
        let after = null;
        let last = null;
        for (const element of body.querySelectorAll('[data-sourcepos]')) {
            const range = lines(element);
            if (!range)
                continue;
            last = element;
            if (range[0] <= line && line <= range[1]) {
                // Later elements are nested deeper or follow: ties go to the inner one.
                if (range[1] - range[0] <= bestSpan) {
                    best = element;
                    bestSpan = range[1] - range[0];
                }
            } else if (range[0] > line && after === null) {
                after = element;
            }
        }
        return best || after || last;
    }

    function reveal(line) {
        const target = line <= 1 ? null : blockOf(line);
        if (target)
            target.scrollIntoView({block: 'start', inline: 'nearest'});
        else
            window.scrollTo(0, 0);
        lastReported = line;
        anchor = snapshot();
    }

    // The innermost block at the top of the view: the first block whose bottom is
    // below the top edge, descending into containers (lists, quotes, tables) that
    // start above it.
    function topBlock() {
        if (window.scrollY <= 0)
            return null;
        let container = body;
        let block = null;
        for (;;) {
            let found = null;
            for (const child of container.children) {
                if (child.hasAttribute('data-sourcepos') && child.getBoundingClientRect().bottom > 0) {
                    found = child;
                    break;
                }
            }
            if (found === null)
                break;
            block = found;
            if (found.getBoundingClientRect().top >= 0)
                break;
            container = found;
        }
        return block;
    }

    // Where the view is: its top block and that block's offset. A scroll event after
    // which both are the same was no scroll of the user's: the browser keeping the
    // view in place (scroll anchoring) after a patch changed the blocks above, or the
    // scroll that reveal() caused.
    function snapshot() {
        const block = topBlock();
        return {block: block, top: block ? block.getBoundingClientRect().top : 0};
    }
    let anchor = {block: null, top: 0};

    function onScroll() {
        if (scrollQueued)
            return;
        scrollQueued = true;
        // Scroll events come once a frame at most; a task after the event sees the
        // layout of that frame. (Not requestAnimationFrame: a page that is not painted,
        // as under QT_QPA_PLATFORM=offscreen on Qt 6.8, gets no animation frames.)
        window.setTimeout(() => {
            scrollQueued = false;
            const now = snapshot();
            if (now.block === anchor.block && Math.abs(now.top - anchor.top) < 1)
                return;
            anchor = now;
            const range = now.block ? lines(now.block) : null;
            const line = range ? range[0] : 1;
            if (line !== lastReported) {
                lastReported = line;
                bridge.scrolled(line);
            }
        }, 0);
    }

    function applyComfort(dark) {
        const link = document.getElementById('copydesk-comfort');
        const href = 'copydesk-preview:/comfort-' + (dark ? 'dark' : 'light') + '.css';
        if (link && link.getAttribute('href') !== href)
            link.setAttribute('href', href);
    }

    new QWebChannel(qt.webChannelTransport, (channel) => {
        bridge = channel.objects.bridge;
        bridge.fragmentReady.connect((sequence, html) => {
            // The view as the user sees it, before the blocks change under it.
            anchor = snapshot();
            patch(html);
            bridge.patched(sequence);
        });
        bridge.revealRequested.connect(reveal);
        bridge.comfortDarkChanged.connect(applyComfort);
        applyComfort(bridge.comfortDark);
        window.addEventListener('scroll', onScroll, {passive: true});
        bridge.ready();
    });
})();
