namespace TalentPass.Modules.Notifications.Contracts;

/// <summary>The unread count of an account's inbox (the layout's badge).</summary>
public interface INotificationInbox
{
    Task<int> CountUnreadAsync(Guid accountId, CancellationToken cancellationToken = default);
}
