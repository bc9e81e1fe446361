using Microsoft.Extensions.Options;
using MimeKit;

namespace Holded.Partners.Notifications.Mail;

/// <summary>Notifications: how email is sent, bound from configuration and checked when the host starts.</summary>
public sealed class MailOptions
{
    public const string Section = "Notifications";

    /// <summary>The sender, with its display name: "Holded Partners &lt;no-reply@partners.holded.com&gt;".</summary>
    public string From { get; set; } = "Holded Partners <no-reply@partners.holded.com>";

    /// <summary>The portal's public address, put before each link in an email (e.g. https://partners.holded.com).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Outside production, with no SMTP server: the folder the messages are written to, one .eml each.</summary>
    public string? MailFolder { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    /// <summary>The SMTP server; none configured means the folder sink (and, in production, no email).</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>TLS: STARTTLS on 587, implicit TLS on 465; false only for a relay on a trusted network (or a test).</summary>
    public bool EnableSsl { get; set; } = true;

    public string? User { get; set; }
    public string? Password { get; set; }
}

/// <summary>A wrong setting stops the host at start, naming the setting, instead of failing the first email.</summary>
public sealed class ValidateMailOptions : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        if (!MailboxAddress.TryParse(options.From, out _))
            failures.Add($"Notifications:From must be a mailbox such as \"Holded Partners <no-reply@partners.holded.com>\"; it is \"{options.From}\".");
        if (options.BaseUrl is { Length: > 0 } url
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Query.Length == 0 && uri.Fragment.Length == 0))
            failures.Add($"Notifications:BaseUrl must be an absolute http(s) address with no query, such as https://partners.holded.com; it is \"{url}\".");
        if (options.Smtp.Port is < 1 or > 65535)
            failures.Add($"Notifications:Smtp:Port must be between 1 and 65535; it is {options.Smtp.Port}.");
        if (options.Smtp.Host is { Length: > 0 } host && Uri.CheckHostName(host) == UriHostNameType.Unknown)
            failures.Add($"Notifications:Smtp:Host must be a host name or an IP address; it is \"{host}\".");
        if (options.Smtp.User is { Length: > 0 } && string.IsNullOrEmpty(options.Smtp.Password))
            failures.Add("Notifications:Smtp:Password is required when Notifications:Smtp:User is set.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
