using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Talents;

/// <summary>
/// The registry's contracts for other modules: the durable change feed, decisions by another module's authority and
/// personal data for a stated purpose.
/// </summary>
public sealed class TalentEventFeedTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TalentOfficeDecisions_AppearInTheFeedInOrderWithTheStateAfterEach()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var id = await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName(), level: "d");
        var before = await LastSequenceAsync();

        (await office.PostAsJsonAsync($"/api/v1/talents/{id}/level", new { level = "c", reason = "认定提升" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await office.PostAsJsonAsync($"/api/v1/talents/{id}/status", new { status = "suspended", reason = "复核" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var mine = (await ReadAllAsync(before)).Where(e => e.TalentId == id).ToList();
        mine.Select(e => e.Kind).ShouldBe(["level_changed", "status_changed"]);
        mine[0].FromLevel.ShouldBe("d");
        mine[0].Level.ShouldBe("c");
        mine[0].Status.ShouldBe("active");
        mine[1].FromStatus.ShouldBe("active");
        mine[1].Status.ShouldBe("suspended");
        mine[1].Level.ShouldBe("c");
        mine[1].Sequence.ShouldBeGreaterThan(mine[0].Sequence);
    }

    [Fact]
    public async Task RefusedDecision_WritesNoFeedEvent()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var id = await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName(), level: "d");
        (await office.PostAsJsonAsync($"/api/v1/talents/{id}/status", new { status = "terminated", reason = "离开本地" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await LastSequenceAsync();

        var refused = await factory.WithScopeAsync(sp => sp.GetRequiredService<ITalentDecisions>()
            .ChangeLevelAsync(id, "b", null, new DateOnly(2026, 12, 1), "认定", "recognition/test", null, Ct));

        refused.IsSuccess.ShouldBeFalse();
        refused.Error.Code.ShouldBe("talents.terminated");
        (await ReadAllAsync(before)).ShouldNotContain(e => e.TalentId == id);
    }

    [Fact]
    public async Task DecisionByAnotherModule_ChangesTheRegistryAndIsInTheFeed()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var id = await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName(), level: "e");
        var before = await LastSequenceAsync();

        var result = await factory.WithScopeAsync(sp => sp.GetRequiredService<ITalentDecisions>()
            .ChangeLevelAsync(id, "C", null, new DateOnly(2026, 12, 1), "专家评审认定", "recognition/r-1", null, Ct));
        result.IsSuccess.ShouldBeTrue();

        var talent = await TalentsApi.GetAsync(office, id);
        talent.GetProperty("level").GetString().ShouldBe("c");
        talent.GetProperty("levelEffectiveOn").GetString().ShouldBe("2026-12-01");
        var e = (await ReadAllAsync(before)).Single(x => x.TalentId == id);
        e.Kind.ShouldBe("level_changed");
        e.EffectiveOn.ShouldBe(new DateOnly(2026, 12, 1));

        var suspend = await factory.WithScopeAsync(sp => sp.GetRequiredService<ITalentDecisions>()
            .ChangeStatusAsync(id, "suspended", "规则暂停", "governance/rule-1", null, Ct));
        suspend.IsSuccess.ShouldBeTrue();
        (await TalentsApi.GetAsync(office, id)).GetProperty("status").GetString().ShouldBe("suspended");
    }

    [Fact]
    public async Task ParallelDecisionsOnManyTalents_EachAppearsExactlyOnce()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName(), level: "e"));
        }

        var before = await LastSequenceAsync();
        await Task.WhenAll(ids.Select(id => factory.WithScopeAsync(sp => sp.GetRequiredService<ITalentDecisions>()
            .ChangeStatusAsync(id, "suspended", "并发", "test/parallel", null, Ct))));

        var events = (await ReadAllAsync(before)).Where(e => ids.Contains(e.TalentId)).ToList();
        events.Select(e => e.TalentId).OrderBy(x => x).ShouldBe(ids.OrderBy(x => x));
        events.Select(e => e.Sequence).ShouldBeUnique();
    }

    [Fact]
    public async Task PersonalDataForAPurpose_IsReturnedAndAudited()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var idNumber = TalentsApi.NewIdNumber();
        var id = await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName(), idNumber: idNumber);

        var identity = await factory.WithScopeAsync(sp => sp.GetRequiredService<ITalentPersonalData>()
            .GetIdentityAsync(id, "test:data-sharing", Ct));

        identity.ShouldNotBeNull();
        identity.IdNumber.ShouldBe(idNumber);
        identity.Phone.ShouldBe("13812345678");
        var audit = await factory.WithScopeAsync(sp => sp.GetRequiredService<IAuditLog>()
            .SearchAsync(new AuditQuery(Action: "talents.personal_data_used", SubjectId: id.ToString()), new PageRequest(1, 10), Ct));
        audit.Items.ShouldHaveSingleItem().Detail.ShouldBe("purpose=test:data-sharing");
    }

    private Task<long> LastSequenceAsync() => factory.WithScopeAsync(async sp =>
    {
        var feed = sp.GetRequiredService<ITalentEventFeed>();
        long last = 0;
        while (true)
        {
            var batch = await feed.ReadAsync(last, 1000, Ct);
            if (batch.Count == 0)
            {
                return last;
            }

            last = batch[^1].Sequence;
        }
    });

    private Task<List<TalentFeedEvent>> ReadAllAsync(long after) => factory.WithScopeAsync(async sp =>
    {
        var all = new List<TalentFeedEvent>();
        var batch = await sp.GetRequiredService<ITalentEventFeed>().ReadAsync(after, 10_000, Ct);
        all.AddRange(batch);
        return all;
    });
}
