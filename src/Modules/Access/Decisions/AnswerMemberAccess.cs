using Holded.Partners.Access.State;

namespace Holded.Partners.Access.Decisions;

/// <summary>
/// Other modules ask what a member may do in a client's account (pending work, the clients table's KPIs). One answer per
/// section, from the same decision and the same in-memory state as the ERP's check.
/// </summary>
public static class AnswerMemberAccessHandler
{
    public static async Task<Contract.MemberAccess> Handle(
        Contract.AskMemberAccess question, AccessState state, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var facts = await state.FactsAsync(store, question.UserId, question.ClientAccountId, Catalogs.Sections[0], "write", clock.GetUtcNow(), ct);
        if (question.CollaborationId is { } through)
            facts = facts with { Collaborations = [.. facts.Collaborations.Where(c => c.Collaboration.Id == through)] };
        var decisions = Catalogs.Sections.ToDictionary(s => s, s => AccessDecision.Decide(facts with { Section = s }));
        var any = decisions.Values.First();
        return new Contract.MemberAccess(any.CollaborationId, any.Role,
            decisions.ToDictionary(d => d.Key, d => new Contract.SectionAccess(d.Value.Level, d.Value.Allowed, d.Value.Reason)));
    }
}
