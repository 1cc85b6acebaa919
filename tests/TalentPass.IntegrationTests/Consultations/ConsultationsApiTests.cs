using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.Modules.Consultations.Persistence;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Consultations;

/// <summary>Policy consultation: a talent asks, the recipient organisation answers within a working-day deadline, the talent is notified, the answer becomes an anonymised FAQ entry.</summary>
public sealed class ConsultationsApiTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)];

    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return WebUtility.HtmlDecode(html);
    }

    private static async Task<JsonElement> AskAsync(HttpClient talent, object body)
    {
        var response = await talent.PostAsJsonAsync("/api/v1/consultations", body, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Ask_Answer_Publish_TalentNotifiedAndAnonymisedFaqSearchable()
    {
        var (talent, _, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var topic = Unique("住房咨询");

        var asked = await AskAsync(talent, new { topic, question = "人才公寓怎么申请？我的电话13912345678，请回电。" });

        asked.GetProperty("status").GetString().ShouldBe("open");
        asked.GetProperty("dueOn").ValueKind.ShouldBe(JsonValueKind.String); // the demo calendar covers this year
        asked.GetProperty("remainingWorkingDays").GetInt32().ShouldBe(5);
        var id = asked.GetProperty("id").GetGuid();
        var queue = await (await office.GetAsync(new Uri($"/api/v1/consultations?q={Uri.EscapeDataString(topic)}", UriKind.Relative), Ct)).ReadJsonAsync();
        queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([id]);
        queue.GetProperty("items")[0].GetProperty("talentMaskedName").GetString()!.ShouldContain("*");

        var answered = await (await office.PostAsJsonAsync($"/api/v1/consultations/{id}/answer", new { answer = "请在“我的权益”中提交人才公寓申请，或致电13800000000咨询。" }, Ct)).ReadJsonAsync();
        answered.GetProperty("status").GetString().ShouldBe("answered");
        var inbox = await (await talent.GetAsync(new Uri("/api/v1/notifications", UriKind.Relative), Ct)).ReadJsonAsync();
        inbox.GetProperty("items").EnumerateArray().ShouldContain(n => n.GetProperty("topic").GetString() == "consultations.answered" && n.GetProperty("link").GetString()!.EndsWith(id.ToString("N"), StringComparison.Ordinal));
        var mine = await (await talent.GetAsync(new Uri("/api/v1/consultations/mine", UriKind.Relative), Ct)).ReadJsonAsync();
        mine.GetProperty("items")[0].GetProperty("answer").GetString()!.ShouldContain("人才公寓申请");

        var published = await (await office.PostAsJsonAsync($"/api/v1/consultations/{id}/faq", new { }, Ct)).ReadJsonAsync();
        published.GetProperty("faqPublished").GetBoolean().ShouldBeTrue();
        var faq = await (await factory.CreateAnonymousClient().GetAsync(new Uri($"/api/v1/consultations/faq?q={Uri.EscapeDataString(topic)}", UriKind.Relative), Ct)).ReadJsonAsync();
        var entry = faq.GetProperty("items").EnumerateArray().Single();
        entry.GetProperty("question").GetString().ShouldBe("人才公寓怎么申请？我的电话[手机号]，请回电。");
        entry.GetProperty("answer").GetString()!.ShouldNotContain("13800000000");
    }

    [Fact]
    public async Task Ask_AboutARight_RoutedToItsProviderWhoAnswers()
    {
        var (talent, _, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var medical = await factory.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<IRightsCatalogue>().GetSnapshotAsync(Ct)).Rights.Single(r => r.Code == "medical-green-channel"));
        var providerStaff = IdentityApi.UniqueName("social");
        await IdentityApi.CreateAccountAsync(office, providerStaff, [Roles.Department], medical.ProviderOrganisationId);
        var provider = await factory.CreateClientAsAsync(providerStaff, IdentityApi.StrongPassword);
        var question = "绿色通道能否用于配偶住院？" + Guid.NewGuid().ToString("N")[..6];

        var asked = await AskAsync(talent, new { rightId = medical.Id, question });

        asked.GetProperty("providerOrganisationId").GetGuid().ShouldBe(medical.ProviderOrganisationId);
        asked.GetProperty("topic").GetString().ShouldBe(medical.NameZh);
        var id = asked.GetProperty("id").GetGuid();
        var queue = await (await provider.GetAsync(new Uri($"/api/v1/consultations?q={Uri.EscapeDataString(question)}", UriKind.Relative), Ct)).ReadJsonAsync();
        queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([id]);
        var elsewhere = await (await (await factory.CreateClientAsAsync("demo-department")).GetAsync(new Uri($"/api/v1/consultations?q={Uri.EscapeDataString(question)}", UriKind.Relative), Ct)).ReadJsonAsync();
        elsewhere.GetProperty("total").GetInt64().ShouldBe(0);
        var answered = await provider.PostAsJsonAsync($"/api/v1/consultations/{id}/answer", new { answer = "可以，配偶在家庭成员范围内。" }, Ct);
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await answered.ReadJsonAsync()).GetProperty("answeredLate").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task OpenPastItsDueDate_FlaggedOverdueAndListedByTheOverdueFilter()
    {
        var (talent, _, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var topic = Unique("超期");
        var id = (await AskAsync(talent, new { topic, question = "这个问题会超期吗？" })).GetProperty("id").GetGuid();
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ConsultationsDbContext>();
            var row = await db.Consultations.FindAsync([id], Ct);
            row!.DueOn = BusinessTime.Today(TimeProvider.System).AddDays(-1);
            return await db.SaveChangesAsync(Ct);
        });

        var overdue = await (await office.GetAsync(new Uri($"/api/v1/consultations?overdue=true&q={Uri.EscapeDataString(topic)}", UriKind.Relative), Ct)).ReadJsonAsync();
        var mine = await (await talent.GetAsync(new Uri($"/api/v1/consultations/{id}", UriKind.Relative), Ct)).ReadJsonAsync();

        overdue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([id]);
        mine.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        var page = await (await CookieBrowser.SignInAsync(factory, "demo-talentoffice")).GetPageAsync($"/consultations?overdue=true&q={Uri.EscapeDataString(topic)}");
        page.ShouldContain("已超期");
        var late = await (await office.PostAsJsonAsync($"/api/v1/consultations/{id}/answer", new { answer = "抱歉答复晚了。" }, Ct)).ReadJsonAsync();
        late.GetProperty("answeredLate").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task PersonalData_TalentsOwnQuestionsOnly()
    {
        var (talent, talentId, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var (other, _, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var mineText = "我的问题" + Guid.NewGuid().ToString("N")[..8];
        var otherText = "别人的问题" + Guid.NewGuid().ToString("N")[..8];
        await AskAsync(talent, new { topic = "个人数据", question = mineText });
        await AskAsync(other, new { topic = "个人数据", question = otherText });

        var section = await factory.WithScopeAsync(sp => sp.GetServices<IPersonalDataSource>().Single(s => s.Key == "consultations").ExportAsync(talentId, Ct));

        section.Data.AsArray().Select(n => n!["question"]!.GetValue<string>()).ShouldBe([mineText]);
    }

    [Fact]
    public async Task Get_OtherOrganisationOrOtherTalent_NotFound()
    {
        var (talent, _, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var (other, _, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var id = (await AskAsync(talent, new { topic = Unique("子女入学"), question = "子女入学需要哪些材料？" })).GetProperty("id").GetGuid();
        var department = await factory.CreateClientAsAsync("demo-department");

        await (await department.GetAsync(new Uri($"/api/v1/consultations/{id}", UriKind.Relative), Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "consultations.not_found");
        await (await department.PostAsJsonAsync($"/api/v1/consultations/{id}/answer", new { answer = "不归我们管" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "consultations.not_found");
        await (await other.GetAsync(new Uri($"/api/v1/consultations/{id}", UriKind.Relative), Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "consultations.not_found");
        (await (await talent.GetAsync(new Uri($"/api/v1/consultations/{id}", UriKind.Relative), Ct)).ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("open");
    }

    [Fact]
    public async Task Ask_BadInput_ClearRefusals()
    {
        var (talent, _, _) = await TalentsApi.TalentWithAccountAsync(factory);

        await (await talent.PostAsJsonAsync("/api/v1/consultations", new { question = "没有选择权益也没有事项" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "consultations.topic_required");
        await (await talent.PostAsJsonAsync("/api/v1/consultations", new { rightId = Guid.NewGuid(), question = "不存在的权益怎么用？" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "consultations.right_not_found");
        await (await talent.PostAsJsonAsync("/api/v1/consultations", new { topic = "x", question = "短" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid");
        var mine = await (await talent.GetAsync(new Uri("/api/v1/consultations/mine", UriKind.Relative), Ct)).ReadJsonAsync();
        mine.GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task AnswerAndPublish_WrongState_Conflicts()
    {
        var (talent, _, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var id = (await AskAsync(talent, new { topic = Unique("落户"), question = "落户需要多久办结？" })).GetProperty("id").GetGuid();

        await (await office.PostAsJsonAsync($"/api/v1/consultations/{id}/faq", new { }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "consultations.not_answered");
        (await office.PostAsJsonAsync($"/api/v1/consultations/{id}/answer", new { answer = "一般5个工作日。" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await office.PostAsJsonAsync($"/api/v1/consultations/{id}/answer", new { answer = "再答一次" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "consultations.already_answered");
        await (await office.PostAsJsonAsync($"/api/v1/consultations/{id}/faq", new { faqQuestion = "身份证410105199001011234能落户吗？" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "consultations.faq_personal_data");
        await (await talent.PostAsJsonAsync($"/api/v1/consultations/{id}/answer", new { answer = "自己答" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task FaqPage_Anonymous_ShowsPublishedDemoEntryAndSearches()
    {
        var anonymous = factory.CreateAnonymousClient();

        var api = await (await anonymous.GetAsync(new Uri("/api/v1/consultations/faq?size=200", UriKind.Relative), Ct)).ReadJsonAsync();
        api.GetProperty("items").EnumerateArray().ShouldContain(e => e.GetProperty("question").GetString() == "人才码在外地医院能使用吗？", api.GetRawText());
        var all = await HtmlAsync(anonymous, "/rights/faq");
        var none = await HtmlAsync(anonymous, "/rights/faq?q=" + Uri.EscapeDataString(Unique("无此词")));

        all.ShouldContain("人才码在外地医院能使用吗？");
        all.ShouldNotContain("13800138000");
        none.ShouldNotContain("人才码在外地医院能使用吗？");
        none.ShouldContain("data-testid=\"empty\"");
    }
}
