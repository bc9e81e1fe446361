using Microsoft.AspNetCore.Components;

namespace Holded.Partners.Kernel.Web;

/// <summary>What every portal component speaks with: the view's language, its texts and its catalog labels.</summary>
public abstract class PortalComponent : ComponentBase
{
    protected abstract PortalView Here { get; }
    protected bool En => Here.En;
    protected string T(string es, string en) => Here.T(es, en);
    protected string T(Words words) => Here.T(words);
    protected string Label(string code) => Here.Label(code);
    /// <summary>A date and time as a person in Spain reads it (UTC shown as such: the pages never guess a time zone).</summary>
    protected string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'",
        System.Globalization.CultureInfo.GetCultureInfo(En ? "en-GB" : "es-ES"));
    protected string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo(En ? "en-GB" : "es-ES"));
}

/// <summary>A page: rendered by <see cref="Portal.Render{TPage}"/>, which hands it the view.</summary>
public abstract class PortalPage : PortalComponent
{
    [Parameter, EditorRequired] public PortalView View { get; set; } = null!;
    protected override PortalView Here => View;
}

/// <summary>A part of a page, inside <see cref="PortalShell"/>: it receives the view from the shell.</summary>
public abstract class PortalPart : PortalComponent
{
    [CascadingParameter] public PortalView View { get; set; } = null!;
    protected override PortalView Here => View;
}
