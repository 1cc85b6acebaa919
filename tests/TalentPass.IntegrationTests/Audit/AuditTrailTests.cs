using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Persistence;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Audit.Contracts;

namespace TalentPass.IntegrationTests.Audit;

public sealed class AuditTrailTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Record_OutsideRequest_IsAttributedToSystemAndFindable()
    {
        var subjectId = Guid.NewGuid().ToString();

        var page = await factory.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IAuditTrail>().RecordAsync(new AuditRecord("test.recorded", "thing", subjectId, "detail"), Ct);
            return await sp.GetRequiredService<IAuditLog>().SearchAsync(new AuditQuery(SubjectType: "thing", SubjectId: subjectId), new(), Ct);
        });

        var item = page.Items.ShouldHaveSingleItem();
        item.ActorName.ShouldBe("system");
        item.Action.ShouldBe("test.recorded");
    }

    [Theory]
    [InlineData("UPDATE audit_events SET detail = 'tampered'")]
    [InlineData("DELETE FROM audit_events")]
    public async Task AuditEvents_UpdateOrDelete_IsRefusedByTheDatabase(string sql)
    {
        await factory.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IAuditTrail>().RecordAsync(new AuditRecord("test.append_only"), Ct);
            return 0;
        });

        var exception = await Should.ThrowAsync<DbException>(() => factory.WithScopeAsync(async sp =>
        {
            await using var connection = await sp.GetRequiredService<IDbConnectionFactory>().OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteNonQueryAsync(Ct);
        }));

        exception.Message.ShouldContain("append-only");
    }
}
