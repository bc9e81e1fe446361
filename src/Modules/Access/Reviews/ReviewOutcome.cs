using Holded.Partners.Access.Replicas;

namespace Holded.Partners.Access.Reviews;

/// <summary>
/// What completing a review records and asks, decided from the review and the firm as Access knows it now: each line
/// to remove is removed (its owner module is asked), unless a rule keeps it — the firm's last administrator, and the
/// role of the administrator who started the review — which the record says. Early, every line has been decided; at the
/// deadline, a line not decided is removed. Pure: the same review and firm give the same events.
/// </summary>
public static class ReviewOutcome
{
    public static (IReadOnlyList<object> Events, IReadOnlyList<object> Asked) Decide(
        AccessReview review, AccessAccount firm, string by, string how, DateTimeOffset now)
    {
        var (events, asked) = (new List<object>(), new List<object>());
        var leaving = new HashSet<string>();
        var administrators = firm.Current.Count(m => m.Role == Roles.Administrator);

        // Roles first: an assignment of a member who leaves ends with them.
        foreach (var line in review.Lines.Where(l => l.Kind == ReviewLineKinds.Role && Removing(l)))
        {
            var member = firm.Member(line.UserId);
            if (member is null) { events.Add(Removed(line, ReviewReasons.AlreadyEnded)); continue; }
            if (line.UserId == review.StartedBy) { events.Add(Kept(line, ReviewReasons.ReviewerOwnRole)); continue; }
            if (member.Role == Roles.Administrator && administrators == 1) { events.Add(Kept(line, ReviewReasons.LastAdministrator)); continue; }
            if (member.Role == Roles.Administrator) administrators--;
            leaving.Add(line.UserId);
            events.Add(Removed(line, Why(line)));
            asked.Add(new Contract.RemoveReviewedMember(review.Id, review.PartnerAccountId, line.UserId, by, now));
        }
        foreach (var line in review.Lines.Where(l => l.Kind == ReviewLineKinds.Assignment && Removing(l)))
        {
            if (leaving.Contains(line.UserId)) { events.Add(Removed(line, ReviewReasons.EndsWithMember)); continue; }
            if (!firm.IsMember(line.UserId)) { events.Add(Removed(line, ReviewReasons.AlreadyEnded)); continue; }
            events.Add(Removed(line, Why(line)));
            asked.Add(new Contract.UnassignReviewedManager(review.Id, line.CollaborationId!.Value, review.PartnerAccountId, line.UserId, by, now));
        }
        var removed = events.OfType<ReviewRemovalApplied>().Count();
        events.Add(new AccessReviewCompleted(review.Id, review.PartnerAccountId, by, how, review.Lines.Count - removed, removed));
        return (events, asked);

        bool Removing(ReviewLine l) => l.Decision == ReviewDecisions.Remove || (l.Decision is null && how == ReviewCompletions.Deadline);
        string Why(ReviewLine l) => l.Decision is null ? ReviewReasons.NotConfirmed : ReviewReasons.RemovedInReview;
        ReviewRemovalApplied Removed(ReviewLine l, string reason) =>
            new(review.Id, review.PartnerAccountId, l.LineId, l.Kind, l.UserId, l.Role, l.CollaborationId, l.ClientAccountId, reason, by);
        ReviewLineKeptByRule Kept(ReviewLine l, string reason) =>
            new(review.Id, review.PartnerAccountId, l.LineId, l.Kind, l.UserId, l.Role, l.CollaborationId, l.ClientAccountId, reason);
    }
}
