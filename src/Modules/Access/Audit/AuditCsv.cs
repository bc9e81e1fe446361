using System.Globalization;
using System.Text;

namespace Holded.Partners.Access.Audit;

/// <summary>
/// The trail as CSV (RFC 4180), written by hand on purpose: a dozen lines that quote what needs it and neutralise a
/// spreadsheet formula, streamed page by page by the export; a library would add nothing here. The ids come first
/// (they are the record); the names after them, as they read today.
/// </summary>
public static class AuditCsv
{
    public const string Header =
        "at,type,client_account_id,partner_account_id,collaboration_id,actor,member,role_before,role_after,permissions,expires_at,reason,correlation_id,count,first_at,last_at," +
        "client_name,partner_name,actor_name,member_name";

    public static string Write(AuditPage page, bool header = true)
    {
        static string Field(object? value)
        {
            var text = value switch
            {
                null => "",
                DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
            // Quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula.
            if (text.Length > 0 && "=+-@".Contains(text[0])) text = "'" + text;
            return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
        }
        var csv = new StringBuilder(header ? Header + "\n" : "");
        foreach (var e in page.Items)
            csv.AppendJoin(',', new object?[] { e.At, e.Type, e.ClientAccountId, e.PartnerAccountId, e.CollaborationId, e.Actor, e.Member,
                e.RoleBefore, e.RoleAfter, e.Permissions, e.ExpiresAt, e.Reason, e.CorrelationId, e.Count, e.FirstAt, e.LastAt,
                page.NameOf(e.ClientAccountId), page.NameOf(e.PartnerAccountId), page.NameOf(e.Actor), page.NameOf(e.Member) }.Select(Field)).Append('\n');
        return csv.ToString();
    }
}
