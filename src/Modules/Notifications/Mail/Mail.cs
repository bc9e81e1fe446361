using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Holded.Partners.Notifications.Mail;

/// <summary>A notification to send by email too, queued durably in the same transaction that delivered it.</summary>
public sealed record SendNotificationEmail(Guid NotificationId, string To, string Subject, string SubjectEn, string Link);

/// <summary>Where email goes: an SMTP server when one is configured; otherwise, outside production, a folder of .eml files.</summary>
public interface IMailbox
{
    Task SendAsync(MimeMessage message, Guid id, CancellationToken ct);
}

/// <summary>MailKit's SMTP client: STARTTLS or implicit TLS as the port says, authenticated when a user is configured.</summary>
public sealed class SmtpMailbox(IOptions<MailOptions> options) : IMailbox
{
    public async Task SendAsync(MimeMessage message, Guid id, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.EnableSsl ? SecureSocketOptions.Auto : SecureSocketOptions.None, ct);
        if (smtp.User is { Length: > 0 } user) await client.AuthenticateAsync(user, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>The development sink: each message a MIME file named after its notification, so a redelivery overwrites it.</summary>
public sealed class FolderMailbox(string folder) : IMailbox
{
    public string Folder { get; } = folder;

    public async Task SendAsync(MimeMessage message, Guid id, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        await message.WriteToAsync(Path.Combine(Folder, $"{id}.eml"), ct);
    }
}

public static class MailSetup
{
    public static IMailbox Choose(IOptions<MailOptions> options, IHostEnvironment environment) =>
        options.Value.Smtp.Host is { Length: > 0 } ? new SmtpMailbox(options)
        : new FolderMailbox(options.Value.MailFolder is { Length: > 0 } folder ? folder : Path.Combine(environment.ContentRootPath, ".local", "mail"));

    /// <summary>The email of a notification: both languages, and the link to what it is about.</summary>
    public static MimeMessage Compose(SendNotificationEmail m, MailOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(m.To));
        message.Subject = m.Subject.ReplaceLineEndings(" "); // one line, whatever the notification's text
        message.Body = new TextPart("plain") { Text = $"{m.Subject}\n{m.SubjectEn}\n\n{options.BaseUrl?.TrimEnd('/')}{m.Link}\n" };
        return message;
    }
}

public static class SendNotificationEmailHandler
{
    public static async Task Handle(SendNotificationEmail m, IMailbox mailbox, IOptions<MailOptions> options, IHostEnvironment environment,
        ILogger<SendNotificationEmail> log, CancellationToken ct)
    {
        if (mailbox is FolderMailbox && environment.IsProduction())
        {
            log.LogWarning("No SMTP server configured (Notifications:Smtp:Host): notification {Id} is not emailed.", m.NotificationId);
            return;
        }
        await mailbox.SendAsync(MailSetup.Compose(m, options.Value), m.NotificationId, ct);
    }
}
