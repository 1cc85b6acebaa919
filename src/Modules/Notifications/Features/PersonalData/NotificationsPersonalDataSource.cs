using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Modules.Notifications.Persistence;
using TalentPass.Modules.Talents.Contracts;

namespace TalentPass.Modules.Notifications.Features.PersonalData;

/// <summary>
/// The talent's inbox (by their account) and the text messages sent to their phone (status only, no number). Sorted in memory: this
/// module's SQLite instants are text, which SQL cannot order.
/// </summary>
internal sealed class NotificationsPersonalDataSource(NotificationsDbContext db, ITalentDirectory talents) : IPersonalDataSource
{
    public string Key => "notifications";

    public async Task<PersonalDataSection> ExportAsync(Guid talentId, CancellationToken cancellationToken)
    {
        var accountId = (await talents.GetAsync(talentId, cancellationToken))?.AccountId;
        var inbox = accountId is not { } account
            ? []
            : await db.Inbox.AsNoTracking().Where(m => m.RecipientAccountId == account)
                .Select(m => new { m.Topic, m.TitleZh, m.TitleEn, m.BodyZh, m.BodyEn, m.Link, m.CreatedAt, m.ReadAt }).ToListAsync(cancellationToken);
        var sms = await db.SmsOutbox.AsNoTracking().Where(s => s.TalentId == talentId)
            .Select(s => new { s.Template, s.Status, s.CreatedAt, s.SentAt }).ToListAsync(cancellationToken);
        return new PersonalDataSection(Key, "消息与短信", "Messages and text messages",
            JsonSerializer.SerializeToNode(new { inbox = inbox.OrderBy(m => m.CreatedAt), sms = sms.OrderBy(m => m.CreatedAt) }, JsonSerializerOptions.Web) ?? new JsonObject());
    }
}
