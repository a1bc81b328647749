/**
 * The GET-confirm / POST-act pattern of every irreversible action: the GET of a URL asks the question on a page of
 * its own, the POST to the same URL acts, and a refusal asks the question again with the reason (409).
 */
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConfirmPage, type Question } from '../views/ConfirmPage.js';

/** A refusal the person can act on: the catalogue key of its message. Not found and forbidden are thrown instead. */
export interface Refused {
  refused: string;
}

export interface ConfirmedAction {
  /**
   * Finds what would be acted on, checks the actor may act, and returns the question; or answers itself (a redirect,
   * a page saying the link has ended) and returns that reply. Asked again, with the refusal, when the act is refused.
   */
  ask(request: FastifyRequest, reply: FastifyReply): Promise<Question | FastifyReply>;
  /** Acts, and answers (usually a redirect with a flash); or returns the refusal, shown on the question with 409. */
  act(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | Refused>;
}

function isQuestion(answer: Question | FastifyReply): answer is Question {
  return 'confirmLabel' in answer;
}

/** The path the question was asked at, where its form posts: the same URL acts. */
function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? request.url;
}

/** Registers the GET (ask) and POST (act) of one confirmed action at `path`, under the same route config. */
export function confirmedAction(app: FastifyInstance, path: string, config: FastifyContextConfig, steps: ConfirmedAction): void {
  const askWith = async (request: FastifyRequest, reply: FastifyReply, refusal?: string) => {
    const answer = await steps.ask(request, reply);
    if (!isQuestion(answer)) return answer;
    const { explanation, ...question } = answer;
    return reply.page(
      <ConfirmPage {...question} action={pathOf(request)} refusal={refusal === undefined ? undefined : request.t(refusal)}>
        {explanation}
      </ConfirmPage>,
      refusal === undefined ? 200 : 409,
    );
  };
  app.get(path, { config }, async (request, reply) => askWith(request, reply));
  app.post(path, { config }, async (request, reply) => {
    const outcome = await steps.act(request, reply);
    return 'refused' in outcome ? askWith(request, reply, outcome.refused) : outcome;
  });
}
