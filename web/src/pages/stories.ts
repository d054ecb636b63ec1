import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { queryString, type Page, type Story } from '../api.js';
import { ArticleLink, DateText, displayTitle, Empty, EventBadge, LangTag, Loaded, PageHeader, Pager } from '../components/common.js';
import { useApi } from '../components/use-api.js';
import { fmtDate, num, t } from '../i18n.js';
import { setQuery } from '../router.js';

const LIMIT = 30;

const LEADING_TYPE = /^(THREATEN|DEPLOY|EXERCISE|TREATY|CONDEMN|SANCTION|REASSURE|ASSESS|POSTURE)\s+(.*)$/;

function StoryTitle(props: { story: Story }): VNode {
  const { story } = props;
  const title = story.title?.trim() ?? '';
  const typed = LEADING_TYPE.exec(title);
  if (typed) return html`<${EventBadge} type=${typed[1]} /> <span>${typed[2] === 'unknown actor' ? t('unknownActor') : typed[2]}</span>`;
  if (!title || /^[a-z]{2}-\d{4}/.test(title)) return html`${displayTitle(null, story.articles[0]?.id ?? story.id)}`;
  return html`${title}`;
}

/** `/stories`: clusters of articles across languages. */
export function StoriesPage(props: { query: URLSearchParams }): VNode {
  const offset = Math.max(0, Number(props.query.get('offset') ?? 0) || 0);
  const load = useApi<Page<Story>>('/api/stories' + queryString({ limit: LIMIT, offset }));
  return html`<div class="page stories">
    <${PageHeader} title=${t('storiesTitle')} lead=${t('storiesLead')} />
    <${Loaded} load=${load}>${(p: Page<Story>) => p.items.length ? html`
      <div class="card-grid">
        ${p.items.map((s) => html`<section class="panel story-card">
          <div class="story-head">
            <h2><${StoryTitle} story=${s} /></h2>
            <div class="story-meta"><span>${fmtDate(s.first)}${s.last && s.last !== s.first ? ` – ${fmtDate(s.last)}` : ''}</span>
              <span class="muted">${num(s.articles.length)} ${s.articles.length === 1 ? t('articleOne') : t('articles').toLowerCase()}</span>
              <span class="langs">${s.languages.map((l) => html`<${LangTag} lang=${l} />`)}</span></div>
          </div>
          ${s.actors?.length ? html`<div class="chips story-actors">${s.actors.slice(0, 5).map((a) => html`<a class="chip" href=${'/actor/' + encodeURIComponent(a)}>${a}</a>`)}</div>` : null}
          <ul class="story-articles">
            ${[...s.articles].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')).map((a) => html`<li>
              <${DateText} date=${a.date} /><${LangTag} lang=${a.lang} /><${ArticleLink} id=${a.id} title=${a.title} />
            </li>`)}
          </ul>
        </section>`)}
      </div>
      <${Pager} total=${p.total} limit=${LIMIT} offset=${offset} onOffset=${(o: number) => setQuery({ offset: o || null }, { keepOffset: true })} />` : html`<${Empty} />`}<//>
  </div>`;
}
