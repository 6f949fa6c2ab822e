import Geo287Core

extension Agreement {
    /// An agreement built in code (corrected lists, tests): the printed fields are the given ones.
    public static func manual(kind: SheetKind = .participating, row: Int, state: USState, agencyName: String,
                              agencyType: AgencyType, county: String?, model: SupportModel, signed: SignedDate? = nil,
                              moaURL: String? = nil) -> Agreement {
        Agreement(kind: kind, row: row, stateAsPrinted: state.name.uppercased(), state: state, agencyName: agencyName,
                  agencyKey: NameKey.normalize(agencyName), typeAsPrinted: nil, agencyType: agencyType, countyAsPrinted: county,
                  modelAsPrinted: model.displayName, model: model, signed: signed, signedAsPrinted: signed?.description,
                  moaURL: moaURL, moaPending: false, addendumURL: nil, moaTarget: moaURL, addendumTarget: nil)
    }
}
