using Holded.Partners.Access.Replicas;
using JasperFx.Events;

namespace Holded.Partners.Access.Reviews;

public sealed record LineDecision(Guid? LineId, string? Decision);

/// <summary>Keep or remove, for one line or many at once (the page sends every line it shows); a line may be decided again while the review is open.</summary>
public sealed record DecideReviewLines(IReadOnlyList<LineDecision>? Decisions);

/// <summary>
/// An administrator decides lines of the firm's open review. Removing is refused where the firm would lose its last
/// administrator, and for the role of the administrator deciding or of the one who started the review.
/// </summary>
public static class DecideReviewLinesEndpoint
{
    public const int MaxDecisions = 1000;

    /// <summary>The review's stream, loaded once for writing, with its firm: two decisions at once, the second commit is refused (409).</summary>
    public static async Task<(IEventStream<AccessReview>, ReviewOfFirm?)> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<AccessReview>(id, ct);
        return (stream, stream.Aggregate is { } review ? new ReviewOfFirm(review, await session.LoadAsync<AccessAccount>(review.PartnerAccountId, ct)) : null);
    }

    public static ProblemDetails Validate(DecideReviewLines command, ReviewOfFirm? review, Caller caller)
    {
        if (review is null) return Problems.NotFound("access review");
        var access = review.Authorize(caller);
        if (access.Status is not null) return access;
        var decisions = command.Decisions;
        var check = new Check()
            .That(decisions is { Count: > 0 }, "decisions", "is required: at least one { lineId, decision }.")
            .That(decisions is null || decisions.Count <= MaxDecisions, "decisions", $"must have at most {MaxDecisions} entries.");
        foreach (var (d, i) in (decisions ?? []).Select((d, i) => (d, i)))
        {
            check.That(d is { LineId: not null }, $"decisions[{i}].lineId", "is required.");
            check.OneOf($"decisions[{i}].decision", d?.Decision, ReviewDecisions.All);
            if (d?.LineId is { } line) check.That(review.Review.Line(line) is not null, $"decisions[{i}].lineId", "is not a line of this review.");
        }
        check.That(decisions is null || decisions.Where(d => d?.LineId is not null).DistinctBy(d => d.LineId).Count() == decisions.Count(d => d?.LineId is not null),
            "decisions", "must not decide a line twice.");
        var input = check.Result();
        if (input.Status is not null) return input;
        if (!review.Review.Open)
            return Problems.Conflict("access_review_completed", "The review is completed: its lines can no longer be decided.");
        return Problems.RefuseIfAny(Broken(review.Review, review.Firm!, decisions!, caller.UserId));
    }

    /// <summary>Each removal a rule refuses, named with whose line it is.</summary>
    public static IEnumerable<Rule> Broken(AccessReview review, AccessAccount firm, IReadOnlyList<LineDecision> decisions, string by)
    {
        var after = Decided(review, decisions);
        foreach (var d in decisions.Where(d => d.Decision == ReviewDecisions.Remove))
        {
            var line = review.Line(d.LineId!.Value)!;
            if (line.Kind != ReviewLineKinds.Role) continue;
            if (line.UserId == by || line.UserId == review.StartedBy)
                yield return new Rule(ReviewReasons.ReviewerOwnRole,
                    $"{line.MemberName}'s role cannot be removed in this review: an administrator running it keeps their own role (another review can remove it).");
            else if (line.Role == Roles.Administrator && RemainingAdministrators(after, firm) == 0)
                yield return new Rule(ReviewReasons.LastAdministrator,
                    $"Removing {line.MemberName} would leave the firm without an administrator: keep at least one.");
        }
    }

    /// <summary>The firm's administrators today whose role line is not to be removed.</summary>
    public static int RemainingAdministrators(AccessReview review, AccessAccount firm) =>
        firm.Current.Count(m => m.Role == Roles.Administrator
            && !review.Lines.Any(l => l.Kind == ReviewLineKinds.Role && l.UserId == m.UserId && l.Decision == ReviewDecisions.Remove));

    /// <summary>The review as it would be with these decisions: the decisions actually changing a line, as events.</summary>
    public static IReadOnlyList<ReviewLineDecided> Decide(AccessReview review, IReadOnlyList<LineDecision> decisions, string by) =>
        [.. decisions.Where(d => review.Line(d.LineId!.Value)!.Decision != d.Decision)
            .Select(d => new ReviewLineDecided(review.Id, review.PartnerAccountId, d.LineId!.Value, d.Decision!, by))];

    private static AccessReview Decided(AccessReview review, IReadOnlyList<LineDecision> decisions) => review with
    {
        Lines = [.. review.Lines.Select(l => decisions.FirstOrDefault(d => d.LineId == l.LineId) is { } d ? l with { Decision = d.Decision } : l)],
    };

    [WolverinePost("/api/v1/access-reviews/{id}/decisions")]
    public static Committed<AccessReview> Post(Guid id, DecideReviewLines command, IEventStream<AccessReview> stream, [NotBody] ReviewOfFirm review, Caller caller)
    {
        foreach (var decided in Decide(review.Review, command.Decisions!, caller.UserId)) stream.AppendOne(decided);
        return Committed.Read(async (session, ct) => (await session.LoadAsync<AccessReview>(id, ct))!);
    }
}
