using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Holded.Partners.Notifications.Mail;

/// <summary>A notification to send by email too, queued durably in the same transaction that delivered it.</summary>
public sealed record SendNotificationEmail(Guid NotificationId, string To, string Subject, string SubjectEn, string Link);

/// <summary>Where email goes: an SMTP server when one is configured; otherwise, outside production, a folder of .eml files.</summary>
public interface IMailbox
{
    Task SendAsync(MailMessage message, Guid id, CancellationToken ct);
}

public sealed class SmtpMailbox(IConfiguration configuration) : IMailbox
{
    public async Task SendAsync(MailMessage message, Guid id, CancellationToken ct)
    {
        var smtp = configuration.GetSection("Notifications:Smtp");
        using var client = new SmtpClient(smtp["Host"], int.TryParse(smtp["Port"], out var port) ? port : 587)
        {
            EnableSsl = !string.Equals(smtp["EnableSsl"], "false", StringComparison.OrdinalIgnoreCase),
            Credentials = smtp["User"] is { Length: > 0 } user ? new NetworkCredential(user, smtp["Password"]) : null,
        };
        await client.SendMailAsync(message, ct);
    }
}

/// <summary>The development sink: each message a file named after its notification, so a redelivery overwrites it.</summary>
public sealed class FolderMailbox(string folder) : IMailbox
{
    public string Folder { get; } = folder;

    public async Task SendAsync(MailMessage message, Guid id, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var text = $"From: {message.From}\r\nTo: {message.To}\r\nSubject: {message.Subject}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{message.Body}\r\n";
        await File.WriteAllTextAsync(Path.Combine(Folder, $"{id}.eml"), text, ct);
    }
}

public static class MailSetup
{
    public static IMailbox Choose(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Notifications:Smtp:Host"] is { Length: > 0 } ? new SmtpMailbox(configuration)
        : new FolderMailbox(configuration["Notifications:MailFolder"] is { Length: > 0 } folder
            ? folder
            : Path.Combine(environment.ContentRootPath, ".local", "mail"));
}

public static class SendNotificationEmailHandler
{
    public static async Task Handle(SendNotificationEmail m, IMailbox mailbox, IConfiguration configuration, IHostEnvironment environment,
        ILogger<SendNotificationEmail> log, CancellationToken ct)
    {
        if (mailbox is FolderMailbox && environment.IsProduction())
        {
            log.LogWarning("No SMTP server configured (Notifications:Smtp:Host): notification {Id} is not emailed.", m.NotificationId);
            return;
        }
        var from = configuration["Notifications:From"] is { Length: > 0 } sender ? sender : "Holded Partners <no-reply@partners.holded.com>";
        using var message = new MailMessage(new MailAddress(from).Address, m.To)
        {
            Subject = m.Subject.ReplaceLineEndings(" "), // a line break in a subject is refused by the mail API
            Body = $"{m.Subject}\n{m.SubjectEn}\n\n{configuration["Notifications:BaseUrl"]}{m.Link}\n",
        };
        await mailbox.SendAsync(message, m.NotificationId, ct);
    }
}
