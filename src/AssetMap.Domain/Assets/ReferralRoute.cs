namespace AssetMap.Domain.Assets;

/// <summary>How a person gets onto a social-prescribing activity.</summary>
public enum ReferralRoute
{
    /// <summary>Anyone can just turn up or sign up.</summary>
    SelfReferral,

    /// <summary>Only through a link worker or social prescriber.</summary>
    LinkWorker,

    /// <summary>Either way.</summary>
    Either,
}
