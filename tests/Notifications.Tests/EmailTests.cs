using System.Buffers;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Holded.Partners.Notifications.Tests;

/// <summary>A host of its own whose notifications are sent to a real SMTP server, started in the test on a free port.</summary>
public sealed class SmtpApp : PartnersApp
{
    private readonly CancellationTokenSource _stop = new();
    private readonly int _port = TestDatabase.FreePort();
    public Channel<MimeMessage> Received { get; } = Channel.CreateUnbounded<MimeMessage>();

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Notifications:Smtp:Host"] = "127.0.0.1", ["Notifications:Smtp:Port"] = _port.ToString(), ["Notifications:Smtp:EnableSsl"] = "false",
        ["Notifications:From"] = "Holded Partners — Programa <avisos@partners.holded.com>", ["Notifications:BaseUrl"] = "https://partners.holded.com",
    };

    public override async Task InitializeAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, _port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Inbox(Received.Writer));
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _stop.CancelAsync();
    }

    private sealed class Inbox(ChannelWriter<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            await received.WriteAsync(await MimeMessage.LoadAsync(new MemoryStream(buffer.ToArray()), ct), ct);
            return SmtpResponse.Ok;
        }
    }
}

public class EmailTests(SmtpApp app) : IClassFixture<SmtpApp>
{
    [Fact]
    public async Task a_notification_is_mailed_through_smtp_with_its_accents_its_sender_name_and_its_link()
    {
        var api = new Api(app);
        var (collaboration, _, firmAdmin, _, owner) = await api.Collaborating();
        (await api.Put("/api/v1/notification-settings", firmAdmin, new { email = true, kpis = Array.Empty<string>() })).ShouldBe(HttpStatusCode.OK);
        await api.Settled(() => api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" }));

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var message = await app.Received.Reader.ReadAsync(wait.Token);
        message.To.Mailboxes.Single().Address.ShouldBe(firmAdmin.Email);
        var from = message.From.Mailboxes.Single();
        from.Name.ShouldBe("Holded Partners — Programa");
        from.Address.ShouldBe("avisos@partners.holded.com");
        message.Subject.ShouldBe("Panadería Sol SL os ha dado acceso con el rol Contable.");
        // On the wire the header is encoded (RFC 2047), as mail clients expect, and reads back as written.
        System.Text.Encoding.ASCII.GetString(message.Headers.First(h => h.Id == HeaderId.Subject).RawValue).ShouldContain("=?utf-8?");
        message.TextBody.ShouldContain("granted you access as Accountant.");
        message.TextBody.ShouldContain($"https://partners.holded.com/api/v1/collaborations/{collaboration}/access-grant");
    }
}
