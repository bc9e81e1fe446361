using System.Globalization;
using Holded.Partners.Access.JustInTime;

namespace Holded.Partners.Access.Records;

/// <summary>How the record reads to a person, in Spanish or English: the same words on the page and in the PDF.</summary>
public sealed class RecordWords(string language)
{
    public bool En { get; } = language == Language.English;
    private CultureInfo Culture => CultureInfo.GetCultureInfo(En ? "en-GB" : "es-ES");

    public string T(string es, string en) => En ? en : es;
    public string Label(string code) => Labels.Of(code, En ? Language.English : Language.Spanish);

    public string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", Culture);

    /// <summary>"from 3 Mar 2026, 10:00 UTC until 5 Mar 2026, 09:00 UTC", or "… to date" while it runs.</summary>
    public string Period(DateTimeOffset from, DateTimeOffset? to) => to is { } end
        ? T($"del {When(from)} al {When(end)}", $"from {When(from)} to {When(end)}")
        : T($"desde el {When(from)}, en vigor", $"since {When(from)}, in force");

    public string Title => T("Registro de las actividades de tratamiento (art. 30.2 RGPD)", "Record of processing activities (GDPR Art. 30(2))");

    public string Lead => T(
        "La asesoría trata datos personales por cuenta de cada cliente, como encargada del tratamiento, a través del acceso que el cliente le concede en su cuenta del ERP.",
        "The firm processes personal data on behalf of each client, as processor, through the access the client grants it in its ERP account.");

    /// <summary>"Contabilidad: Ver y editar · Facturación: Ver".</summary>
    public string Sections(IEnumerable<SectionLevel> sections) =>
        string.Join(" · ", sections.Select(s => $"{Label(s.Section)}: {Label(s.Level)}")) is { Length: > 0 } text ? text : T("ninguna sección", "no section");

    public string SharedSections(IEnumerable<string> sections) => string.Join(", ", sections.Select(Label));

    public string Basis(string basis) => basis switch
    {
        AccessBases.Administrator => T("administrador de la asesoría (todos los clientes)", "firm administrator (every client)"),
        AccessBases.JustInTime => T("acceso temporal pedido y aprobado", "temporary access asked for and approved"),
        _ => T("gestor asignado a este cliente", "account manager assigned to this client"),
    };

    /// <summary>"motivo: «Cierre del T3»; secciones: Facturación, Contabilidad; caduca el … (terminado por quien lo pidió)".</summary>
    public string JustInTime(AskedAccess a) =>
        T($"motivo: «{a.Reason}»; secciones: {SharedSections(a.Sections)}; ", $"reason: “{a.Reason}”; sections: {SharedSections(a.Sections)}; ") +
        (a.EndReason == JustInTimeStatus.Expired
            ? T($"caducó el {When(a.ExpiresAt)}", $"expired on {When(a.ExpiresAt)}")
            : T($"caduca el {When(a.ExpiresAt)}", $"expiring {When(a.ExpiresAt)}") + (a.EndReason is { } end ? $" ({Label(end).ToLower(Culture)})" : ""));

    public string GrantEnd(string? reason) => reason switch
    {
        Grants.GrantStatus.Removed => T("retirado por el cliente", "removed by the client"),
        Grants.GrantStatus.Expired => T("caducado", "expired"),
        Grants.GrantStatus.Terminated => T("terminado con la colaboración", "ended with the collaboration"),
        _ => "",
    };

    /// <summary>"Asesor fiscal, plan Estándar, caduca el …".</summary>
    public string Grant(CategoryPeriod c) =>
        $"{Label(c.Role)}, {T("plan", "plan")} {(c.Plan is { } plan ? Label(plan) : T("desconocido", "unknown"))}" +
        (c.ExpiresAt is { } expires ? T($", caduca el {When(expires)}", $", expiring {When(expires)}") : "") +
        (c.EndReason is { } end ? $" ({GrantEnd(end)})" : "");

    public string Sessions(SessionsHeld s) => T(
        $"{s.Count} {(s.Count == 1 ? "sesión" : "sesiones")}, la primera el {When(s.First)}, la última el {When(s.Last)}",
        $"{s.Count} {(s.Count == 1 ? "session" : "sessions")}, the first on {When(s.First)}, the last on {When(s.Last)}");

    public string Party(Party p) => string.Join(" · ", new[]
    {
        p.TaxId is { } tax ? T($"NIF {tax}", $"Tax id {tax}") : null,
        p.ContactName is { } name ? T($"Contacto: {name}", $"Contact: {name}") : null,
        p.ContactEmail, p.ContactPhone, p.Address,
    }.Where(x => !string.IsNullOrWhiteSpace(x)));
}
