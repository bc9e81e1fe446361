using System.Globalization;
using System.Text;
using Holded.Partners.Access.Replicas;

namespace Holded.Partners.Access.Reviews;

/// <summary>
/// A review's record as CSV (RFC 4180), written as the audit trail's is (<see cref="Audit.AuditCsv"/>): quoted where
/// needed, a leading = + - @ neutralised. One row per line, after the review's own facts repeated on each row, so a
/// spreadsheet filtered to any row still says which review, when, and by whom.
/// </summary>
public static class ReviewCsv
{
    public const string Header =
        "review_id,partner_account_id,status,started_at,started_by,deadline,completed_at,completed_by,how," +
        "line_id,kind,user_id,member_name,role,collaboration_id,client_account_id,client_name,decision,decided_by,decided_at,outcome,reason";

    public static string Write(AccessReview review, AccessAccount? firm)
    {
        // Names as the firm knows them today, else as the review recorded them (someone removed since keeps theirs).
        string? NameOf(string? userId) => userId is null ? null
            : firm?.Members.FirstOrDefault(m => m.UserId == userId)?.Name is { Length: > 0 } name ? name
            : review.Lines.FirstOrDefault(l => l.UserId == userId)?.MemberName ?? userId;
        var csv = new StringBuilder(Header + "\n");
        foreach (var l in review.Lines)
            csv.AppendJoin(',', new object?[] { review.Id, review.PartnerAccountId, review.Status, review.StartedAt, NameOf(review.StartedBy), review.Deadline,
                review.CompletedAt, NameOf(review.CompletedBy), review.How, l.LineId, l.Kind, l.UserId, l.MemberName, l.Role, l.CollaborationId,
                l.ClientAccountId, l.ClientName, l.Decision, NameOf(l.DecidedBy), l.DecidedAt, l.Outcome, l.Reason }.Select(Field)).Append('\n');
        return csv.ToString();
    }

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (text.Length > 0 && "=+-@".Contains(text[0])) text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
