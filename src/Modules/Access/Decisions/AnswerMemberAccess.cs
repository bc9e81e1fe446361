using Holded.Partners.Access.State;

namespace Holded.Partners.Access.Decisions;

/// <summary>
/// Other modules ask what a member may do in a client's account (pending work, the clients table's KPIs). One answer per
/// section, from the same decision and the same in-memory state as the ERP's check.
/// </summary>
public static class AnswerMemberAccessHandler
{
    public static Task<Contract.MemberAccess> Handle(
        Contract.AskMemberAccess question, AccessState state, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        Answer(question, state, store, clock.GetUtcNow(), ct);

    /// <summary>One question across the seam for many: each answered as the single one is, from the same memory.</summary>
    public static async Task<Contract.MembersAccess> Handle(
        Contract.AskMembersAccess questions, AccessState state, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var answers = new List<Contract.MemberAccess>(questions.Questions.Count);
        foreach (var question in questions.Questions) answers.Add(await Answer(question, state, store, now, ct));
        return new Contract.MembersAccess(answers);
    }

    private static async Task<Contract.MemberAccess> Answer(
        Contract.AskMemberAccess question, AccessState state, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        var facts = await state.FactsAsync(store, question.UserId, question.ClientAccountId, Catalogs.Sections[0], "write", now, ct);
        if (question.CollaborationId is { } through)
            facts = facts with { Collaborations = [.. facts.Collaborations.Where(c => c.Collaboration.Id == through)] };
        var decisions = Catalogs.Sections.ToDictionary(s => s, s => AccessDecision.Decide(facts with { Section = s }));
        var any = decisions.Values.First();
        return new Contract.MemberAccess(any.CollaborationId, any.Role,
            decisions.ToDictionary(d => d.Key, d => new Contract.SectionAccess(d.Value.Level, d.Value.Allowed, d.Value.Reason)));
    }
}
