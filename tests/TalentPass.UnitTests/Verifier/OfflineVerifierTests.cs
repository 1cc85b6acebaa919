using TalentPass.Verifier;

namespace TalentPass.UnitTests.Verifier;

public sealed class OfflineVerifierTests
{
    private static readonly DateTimeOffset T0 = TestCodes.Now;

    public static TheoryData<string> Profiles => [CodeProfiles.Es256, CodeProfiles.Sm2];

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Verify_FreshListsAndValidEntry_IsValid(string profile)
    {
        var setup = new Setup(profile);

        var result = setup.Verifier.Verify(setup.Code());

        result.Outcome.ShouldBe(VerificationOutcome.Valid, result.Reason);
        result.Claims!.Level.ShouldBe("c");
    }

    [Theory]
    [InlineData(EntryStatus.Suspended, VerificationOutcome.Suspended)]
    [InlineData(EntryStatus.Terminated, VerificationOutcome.Terminated)]
    public void Verify_EntryChangedInTheNextStatusList_TurnsRed(EntryStatus status, VerificationOutcome expected)
    {
        var setup = new Setup(CodeProfiles.Es256);
        var code = setup.Code();
        setup.Status.Set(123_456, status);

        setup.Verifier.TryUseStatusList(setup.Status.Sign(setup.Issuer, T0.AddMinutes(5), T0.AddMinutes(20)), out var reason).ShouldBeTrue(reason);

        setup.Verifier.Verify(code).Outcome.ShouldBe(expected);
    }

    [Fact]
    public void Verify_StatusListPastValidUntil_IsUndeterminedNeverRevoked()
    {
        var setup = new Setup(CodeProfiles.Es256);
        setup.Status.Set(123_456, EntryStatus.Terminated);
        setup.Verifier.TryUseStatusList(setup.Status.Sign(setup.Issuer, T0.AddSeconds(1), T0.AddMinutes(15)), out _).ShouldBeTrue();
        setup.Clock.Now = T0.AddMinutes(16);

        var result = setup.Verifier.Verify(TalentCode.Encode(TestCodes.Claims(T0.AddMinutes(16)), setup.Issuer));

        result.Outcome.ShouldBe(VerificationOutcome.Undetermined);
        result.Claims.ShouldNotBeNull();
    }

    [Fact]
    public void Verify_TrustListPastValidUntil_IsUndetermined()
    {
        var setup = new Setup(CodeProfiles.Es256);
        setup.Clock.Now = T0.AddDays(2);

        setup.Verifier.Verify(TalentCode.Encode(TestCodes.Claims(T0.AddDays(2)), setup.Issuer)).Outcome.ShouldBe(VerificationOutcome.Undetermined);
    }

    [Fact]
    public void Verify_NoStatusListForTheCode_IsUndetermined()
    {
        var setup = new Setup(CodeProfiles.Es256);

        setup.Verifier.Verify(TalentCode.Encode(TestCodes.Claims() with { StatusListId = 9 }, setup.Issuer))
            .Outcome.ShouldBe(VerificationOutcome.Undetermined);
    }

    [Fact]
    public void Verify_NoTrustList_IsUndetermined()
    {
        var setup = new Setup(CodeProfiles.Es256);
        var empty = new OfflineVerifier(setup.Root.Key, setup.Clock);

        empty.Verify(setup.Code()).Outcome.ShouldBe(VerificationOutcome.Undetermined);
    }

    [Fact]
    public void Verify_KeyMissingFromFreshTrustList_IsUnknownKey()
    {
        var setup = new Setup(CodeProfiles.Es256);

        setup.Verifier.Verify(TalentCode.Encode(TestCodes.Claims(), TestCodes.Create(CodeProfiles.Es256).Signer))
            .Outcome.ShouldBe(VerificationOutcome.UnknownKey);
    }

    [Fact]
    public void Verify_OldDynamicCode_IsExpiredEvenWithStaleLists()
    {
        var setup = new Setup(CodeProfiles.Es256);
        var code = setup.Code();
        setup.Clock.Now = T0.AddMinutes(20);

        setup.Verifier.Verify(code).Outcome.ShouldBe(VerificationOutcome.Expired);
    }

    [Fact]
    public void Verify_CodeFromAnotherIssuerName_IsRefused()
    {
        var setup = new Setup(CodeProfiles.Es256);

        setup.Verifier.Verify(TalentCode.Encode(TestCodes.Claims() with { Issuer = "CN-OTHER" }, setup.Issuer))
            .Outcome.ShouldBe(VerificationOutcome.InvalidSignature);
    }

    [Fact]
    public void TryUseTrustList_SignedByAnotherRoot_IsRefused()
    {
        var setup = new Setup(CodeProfiles.Es256);
        var other = TestCodes.Create(CodeProfiles.Es256);

        setup.Verifier.TryUseTrustList(setup.TrustList(sequence: 2).Sign(other.Signer), out var reason).ShouldBeFalse();
        reason.ShouldNotBeNull().ShouldContain("trust list");
        setup.Verifier.TrustList!.Sequence.ShouldBe(1);
    }

    [Fact]
    public void TryUseTrustList_OlderSequence_IsRefusedAndNewerReplaces()
    {
        var setup = new Setup(CodeProfiles.Es256);
        setup.Verifier.TryUseTrustList(setup.TrustList(sequence: 5).Sign(setup.Root.Signer), out _).ShouldBeTrue();

        setup.Verifier.TryUseTrustList(setup.TrustList(sequence: 4).Sign(setup.Root.Signer), out var reason).ShouldBeFalse();

        reason.ShouldNotBeNull().ShouldContain("older");
        setup.Verifier.TrustList!.Sequence.ShouldBe(5);
    }

    [Fact]
    public void TryUseStatusList_SignedByKeyOutsideTheTrustList_IsRefused()
    {
        var setup = new Setup(CodeProfiles.Es256);
        var list = new StatusList(1, StatusList.MinimumSize, T0.AddMinutes(1), T0.AddMinutes(15));
        list.Set(123_456, EntryStatus.Suspended);

        setup.Verifier.TryUseStatusList(list.Sign(TestCodes.Create(CodeProfiles.Es256).Signer), out var reason).ShouldBeFalse();

        reason.ShouldNotBeNull().ShouldContain("unknown key");
        setup.Verifier.Verify(setup.Code()).Outcome.ShouldBe(VerificationOutcome.Valid);
    }

    [Fact]
    public void TryUseStatusList_OlderThanHeld_IsRefused()
    {
        var setup = new Setup(CodeProfiles.Es256);
        setup.Status.Set(123_456, EntryStatus.Suspended);

        setup.Verifier.TryUseStatusList(setup.Status.Sign(setup.Issuer, T0.AddMinutes(-10), T0.AddMinutes(5)), out var reason).ShouldBeFalse();

        reason.ShouldNotBeNull().ShouldContain("older");
        setup.Verifier.Verify(setup.Code()).Outcome.ShouldBe(VerificationOutcome.Valid);
    }

    [Fact]
    public void StatusList_SignAndOpen_RoundTripsEveryEntryWithMsbFirstLayout()
    {
        var issuer = TestCodes.Create(CodeProfiles.Es256);
        var list = new StatusList(7, StatusList.MinimumSize, T0, T0.AddMinutes(15));
        list.Set(0, EntryStatus.Suspended);
        list.Set(1, EntryStatus.Terminated);
        list.Set(131_071, EntryStatus.Suspended);

        var opened = StatusList.Open(list.Sign(issuer.Signer), new CodeKeyRing([issuer.Key]), out var reason).ShouldNotBeNull(reason);

        opened.Id.ShouldBe(7u);
        opened.Size.ShouldBe(StatusList.MinimumSize);
        opened.IssuedAt.ShouldBe(T0);
        opened.ValidUntil.ShouldBe(T0.AddMinutes(15));
        opened.Get(0).ShouldBe(EntryStatus.Suspended);
        opened.Get(1).ShouldBe(EntryStatus.Terminated);
        opened.Get(2).ShouldBe(EntryStatus.Valid);
        opened.Get(131_071).ShouldBe(EntryStatus.Suspended);
        var bits = opened.CopyBits();
        bits[0].ShouldBe((byte)0b0110_0000);
        bits[^1].ShouldBe((byte)0b0000_0001);
    }

    [Fact]
    public void StatusList_TooSmall_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new StatusList(1, 1024, T0, T0.AddMinutes(15)));

    [Fact]
    public void TrustList_SignAndOpen_RoundTrips()
    {
        var setup = new Setup(CodeProfiles.Sm2);

        var opened = TrustList.Open(setup.TrustList(3).Sign(setup.Root.Signer), setup.Root.Key, out var reason).ShouldNotBeNull(reason);

        opened.Issuer.ShouldBe("CN-410100-ZYKJC");
        opened.Sequence.ShouldBe(3);
        var key = opened.Keys.ShouldHaveSingleItem();
        key.Profile.ShouldBe(CodeProfiles.Sm2);
        key.KeyId.ToArray().ShouldBe(setup.Issuer.KeyId.ToArray());
        key.NotAfter.ShouldBe(T0.AddYears(1));
    }

    /// <summary>A root, an issuer key in a trust list valid one day, and status list 1 valid 15 minutes, installed in a verifier.</summary>
    private sealed class Setup
    {
        public Setup(string profile)
        {
            Root = TestCodes.Create(profile);
            var issuer = TestCodes.Create(profile);
            Issuer = issuer.Signer;
            IssuerKey = issuer.Key;
            Clock = new FakeClock(T0);
            Verifier = new OfflineVerifier(Root.Key, Clock, TimeSpan.FromSeconds(30));
            Verifier.TryUseTrustList(TrustList(1).Sign(Root.Signer), out var reason).ShouldBeTrue(reason);
            Status = new StatusList(1, StatusList.MinimumSize, T0, T0.AddMinutes(15));
            Verifier.TryUseStatusList(Status.Sign(Issuer), out reason).ShouldBeTrue(reason);
        }

        public (ICodeSigner Signer, ICodeVerificationKey Key) Root { get; }

        public ICodeSigner Issuer { get; }

        public ICodeVerificationKey IssuerKey { get; }

        public FakeClock Clock { get; }

        public OfflineVerifier Verifier { get; }

        public StatusList Status { get; }

        public string Code() => TalentCode.Encode(TestCodes.Claims(), Issuer);

        public TrustList TrustList(long sequence) => new(
            "CN-410100-ZYKJC",
            sequence,
            T0,
            T0.AddDays(1),
            [new TrustedKey(IssuerKey.KeyId, IssuerKey.Profile, IssuerKey.SubjectPublicKeyInfo, T0.AddDays(-1), T0.AddYears(1))]);
    }
}
