using Microsoft.Extensions.Options;
using Holded.Partners.Notifications.Inbox;
using Holded.Partners.Notifications.Mail;
using Holded.Partners.Notifications.Replicas;
using Holded.Partners.Notifications.Settings;
using JasperFx.Events.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Holded.Partners.Notifications;

public static class NotificationsModule
{
    public const string Schema = "notifications";

    /// <summary>
    /// A conversation's messages are heard in batches (MarketplaceNewsHandler): up to 100 at once, or what came within
    /// 50 ms; under load one transaction delivers many, and a message waits at most that long for its notification.
    /// </summary>
    public static readonly IReadOnlyList<Type> Batched = [typeof(Contracts.Marketplace.ConversationMessagePosted)];

    public static void MessageBatch(Wolverine.WolverineOptions o) =>
        o.BatchMessagesOf<Contracts.Marketplace.ConversationMessagePosted>(b =>
        {
            b.BatchSize = 100;
            b.TriggerTime = TimeSpan.FromMilliseconds(50);
        });

    public static IServiceCollection AddNotificationsModule(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            opts.Events.MapEventType<NotificationDelivered>("notifications.notification_delivered");
            opts.Events.MapEventType<NotificationRead>("notifications.notification_read");
            opts.Events.MapEventType<NotificationUpdated>("notifications.notification_updated");
            opts.Events.MapEventType<NotificationSettingsChanged>("notifications.settings_changed");
            opts.Projections.Snapshot<Notification>(SnapshotLifecycle.Inline);
            opts.Schema.For<Notification>().DatabaseSchemaName(Schema).Index(n => n.UserId).Index(n => n.Email);
            opts.Projections.Snapshot<NotificationSettings>(SnapshotLifecycle.Inline);
            opts.Schema.For<NotificationSettings>().DatabaseSchemaName(Schema);
            // Two rises for one person at once: a known thread meets on its version, a new one on its notification's stream id; either is retried.
            opts.Schema.For<NewsThread>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true);
            opts.Schema.For<NotificationAccount>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true);
            opts.Schema.For<NotificationCollaboration>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true).Index(c => c.ClientAccountId);
        });
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, ValidateMailOptions>();
        services.AddSingleton(provider => MailSetup.Choose(provider.GetRequiredService<IOptions<MailOptions>>(), provider.GetRequiredService<IHostEnvironment>()));
        services.AddModuleDiscovery(typeof(NotificationsModule).Assembly);
        services.ConfigureWolverine(MessageBatch);
        return services;
    }
}
