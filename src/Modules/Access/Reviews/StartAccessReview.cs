using Holded.Partners.Access.Replicas;
using Wolverine.Marten;

namespace Holded.Partners.Access.Reviews;

/// <summary><paramref name="DeadlineDays"/>: days the administrators have to decide every line (1 to 30).</summary>
public sealed record StartAccessReview(int? DeadlineDays);

/// <summary>The firm as Access knows it, how many reviews it has had, and the one still open, if any.</summary>
public sealed record FirmReviews(AccessAccount? Firm, int Count, AccessReview? Open);

/// <summary>
/// A firm administrator starts an access review: one line per member's role and one per member assigned to an active
/// client, from Access's own copies of the firm and its collaborations. One review open per firm at a time.
/// </summary>
public static class StartAccessReviewEndpoint
{
    public const int MinDays = 1, MaxDays = 30;

    public static async Task<FirmReviews> LoadAsync(Guid id, IQuerySession session, CancellationToken ct)
    {
        var firm = await session.LoadAsync<AccessAccount>(id, ct);
        var reviews = await session.Query<AccessReview>().Where(r => r.PartnerAccountId == id).ToListAsync(ct);
        return new FirmReviews(firm, reviews.Count, reviews.FirstOrDefault(r => r.Open));
    }

    public static ProblemDetails Validate(StartAccessReview command, FirmReviews firm, Caller caller)
    {
        var access = ReviewAccess.RequireAdministrator(firm.Firm, caller);
        if (access.Status is not null) return access;
        var input = new Check().Range("deadlineDays", command.DeadlineDays, MinDays, MaxDays, required: true).Result();
        if (input.Status is not null) return input;
        return firm.Open is { } open
            ? Problems.Conflict("access_review_open", $"The firm's review started {open.StartedAt:yyyy-MM-dd} is still open (until {open.Deadline:yyyy-MM-dd}): complete it first.")
            : Problems.None;
    }

    /// <summary>Each member's role, then each of their assignments to an active client, members by name.</summary>
    public static IReadOnlyList<ReviewLine> Lines(AccessAccount firm, IEnumerable<AccessCollaboration> collaborations, IReadOnlyDictionary<Guid, AccessAccount> clients)
    {
        var active = collaborations.Where(c => c.Active).OrderBy(c => clients.GetValueOrDefault(c.ClientAccountId)?.Name).ThenBy(c => c.Id).ToList();
        var lines = new List<ReviewLine>();
        foreach (var member in firm.Current.OrderBy(m => m.Name).ThenBy(m => m.UserId))
        {
            var name = member.Name.Length > 0 ? member.Name : member.Email;
            lines.Add(new ReviewLine(Guid.CreateVersion7(), ReviewLineKinds.Role, member.UserId, name, member.Role, null, null, null));
            foreach (var c in active.Where(c => c.IsManager(member.UserId)))
                lines.Add(new ReviewLine(Guid.CreateVersion7(), ReviewLineKinds.Assignment, member.UserId, name, member.Role, c.Id, c.ClientAccountId,
                    clients.GetValueOrDefault(c.ClientAccountId)?.Name));
        }
        return lines;
    }

    /// <summary>
    /// A review of the firm as Access knows it now, with its deadline's close (scheduled in the database, as a grant's
    /// expiry is) and the news for the firm's administrators: the POST and the schedule start one the same way.
    /// </summary>
    public static async Task<(AccessReviewStarted Started, OutgoingMessages Messages)> Begin(
        FirmReviews firm, string by, int deadlineDays, bool scheduled, IQuerySession session, DateTimeOffset now, CancellationToken ct)
    {
        var id = firm.Firm!.Id;
        var collaborations = await session.Query<AccessCollaboration>().Where(c => c.PartnerAccountId == id).ToListAsync(ct);
        var clients = (await session.LoadManyAsync<AccessAccount>(ct, collaborations.Select(c => c.ClientAccountId).Distinct())).ToDictionary(a => a.Id);
        var reviewId = AccessReview.IdFor(id, firm.Count + 1);
        var deadline = now.AddDays(deadlineDays);
        var started = new AccessReviewStarted(reviewId, id, by, deadline, Lines(firm.Firm, collaborations, clients), scheduled);
        return (started, [new CloseAccessReview(reviewId).ScheduledAt(deadline),
            new Contract.AccessReviewStarted(reviewId, id, by, deadline, started.Lines.Count, scheduled, now)]);
    }

    [WolverinePost("/api/v1/partners/{id}/access-reviews")]
    public static async Task<(CreationResponse<Guid>, IStartStream, OutgoingMessages)> Post(
        Guid id, StartAccessReview command, [NotBody] FirmReviews firm, IQuerySession session, Caller caller, TimeProvider clock, CancellationToken ct)
    {
        var (started, messages) = await Begin(firm, caller.UserId, command.DeadlineDays!.Value, scheduled: false, session, clock.GetUtcNow(), ct);
        return (new CreationResponse<Guid>($"/api/v1/access-reviews/{started.ReviewId}", started.ReviewId),
            MartenOps.StartStream<AccessReview>(started.ReviewId, started), messages);
    }
}
