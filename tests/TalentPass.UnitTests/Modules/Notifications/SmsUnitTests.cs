using TalentPass.Modules.Notifications;
using TalentPass.StandIns.Sms;

namespace TalentPass.UnitTests.Modules.Notifications;

public sealed class SmsUnitTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(7, 640)]
    [InlineData(8, 900)]
    [InlineData(60, 900)]
    public void Backoff_Attempts_DoublesFromTheBaseUpToTheCap(int attempts, double seconds)
    {
        var options = new SmsOptions { RetryBaseSeconds = 10, MaxBackoffSeconds = 900 };

        options.Backoff(attempts).ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void StandInStore_SameRequestIdTwice_KeepsOneMessageAndAnswersTheFirstId()
    {
        var store = new SmsMessageStore();

        var first = store.Add(new SmsSendRequest("13812345678", "t", null, "req-1"));
        var again = store.Add(new SmsSendRequest("13812345678", "t", null, "req-1"));
        var other = store.Add(new SmsSendRequest("13812345678", "t", null, "req-2"));

        again.MessageId.ShouldBe(first.MessageId);
        other.MessageId.ShouldNotBe(first.MessageId);
        store.All().Count.ShouldBe(2);
    }

    [Fact]
    public void StandInStore_FailNext_FailsExactlyThatManyTimes()
    {
        var store = new SmsMessageStore();
        store.FailNext(2);

        Enumerable.Range(0, 4).Select(_ => store.TakeFault()).ShouldBe([true, true, false, false]);
    }
}
