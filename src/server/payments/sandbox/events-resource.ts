import 'server-only';
import { invalidParam, ok, resourceMissing } from './errors';
import type { TSandboxEvent } from './events';
import { formArray, formObject, formString } from './form-body';
import { listSandboxObjects, loadSandboxObject } from './store';
import type { TSandboxResource } from './types';

/** `GET /v1/events` (newest first, `created[gte]`, `types[]`, cursor) and one event by id. */
export const eventsResource: TSandboxResource = {
  name: 'events',
  routes: [
    {
      method: 'GET',
      path: '/v1/events',
      async handle({ query }) {
        const limit = Number(formString(query, 'limit') ?? '10');
        if (!Number.isInteger(limit) || limit < 1 || limit > 100)
          return invalidParam('limit', 'limit must be an integer between 1 and 100');
        const created = formObject(query, 'created');
        const gte = created ? Number(formString(created, 'gte')) : NaN;
        const types = (formArray(query, 'types') ?? []).filter(
          (t): t is string => typeof t === 'string',
        );
        const single = formString(query, 'type');
        if (single) types.push(single);
        // Read one more than asked to say whether there is a next page; filter types here.
        const rows = await listSandboxObjects<TSandboxEvent>({
          type: 'event',
          since: Number.isFinite(gte) ? new Date(gte * 1000) : undefined,
          limit: types.length > 0 ? 1000 : limit + 1,
          startingAfter: formString(query, 'starting_after'),
        });
        const matching = types.length > 0 ? rows.filter((e) => types.includes(e.type)) : rows;
        const data = matching.slice(0, limit);
        return ok({
          object: 'list',
          url: '/v1/events',
          has_more: matching.length > limit,
          data,
        });
      },
    },
    {
      method: 'GET',
      path: '/v1/events/:id',
      async handle({ params }) {
        const id = params.id ?? '';
        const event = await loadSandboxObject<TSandboxEvent>(id, 'event');
        return event ? ok(event) : resourceMissing('event', id);
      },
    },
  ],
};
