using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Holded.Partners.Kernel;

/// <summary>
/// Where the ERP is, for the portal's hand-off (step 9) and its "Ir a …" deep links (step 10). Checked when the host
/// starts: production must name it; elsewhere, left out, it is the development stand-in of the ERP on this site.
/// </summary>
public sealed class ErpOptions
{
    public const string Section = "Erp";
    /// <summary>Served in Development only, where no ERP runs beside the portal.</summary>
    public const string StandIn = "/erp-standin";

    /// <summary>The ERP's base address (https; http only in Development), e.g. https://app.holded.com.</summary>
    public string? Url { get; set; }

    /// <summary>The base, without a trailing slash: the configured ERP, or the stand-in.</summary>
    public string Base => (string.IsNullOrEmpty(Url) ? StandIn : Url).TrimEnd('/');

    /// <summary>Where the portal hands a delegated token over (a POST form, never a URL).</summary>
    public string HandOff => Base + "/partners/handoff";

    /// <summary>A page of the ERP (a path such as /accounting/daily-ledger) for one client account.</summary>
    public string DeepLink(string path, Guid clientAccountId) =>
        $"{Base}{path}{(path.Contains('?') ? '&' : '?')}account={clientAccountId}";

    /// <summary>The ERP's origin, for the pages' Content-Security-Policy form-action; null when it is this site.</summary>
    public string? Origin => Uri.TryCreate(Url, UriKind.Absolute, out var url) ? url.GetLeftPart(UriPartial.Authority) : null;

    public static void AddTo(IServiceCollection services)
    {
        services.AddOptions<ErpOptions>().BindConfiguration(Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ErpOptions>, ValidateErpOptions>();
    }
}

internal sealed class ValidateErpOptions(IHostEnvironment environment) : IValidateOptions<ErpOptions>
{
    public ValidateOptionsResult Validate(string? name, ErpOptions options)
    {
        if (string.IsNullOrEmpty(options.Url))
            return environment.IsProduction()
                ? ValidateOptionsResult.Fail("Erp:Url is not configured: the ERP's https address, where members enter a client's account and pending work links to.")
                : ValidateOptionsResult.Success;
        var ok = Uri.TryCreate(options.Url, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && environment.IsDevelopment()))
            && url.Query.Length == 0 && url.Fragment.Length == 0 && url.UserInfo.Length == 0;
        return ok ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Erp:Url must be the ERP's https address (http only in Development), without query or fragment; it is \"{options.Url}\".");
    }
}
