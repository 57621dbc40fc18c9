// placeholder until the generator lands
pub struct DemoOrg {
    pub name: String,
    pub sector: &'static str,
    pub country: &'static str,
    pub website: Option<String>,
    pub description: String,
    pub parent: Option<usize>,
}
pub struct DemoAffiliation {
    pub org: usize,
    pub title: String,
}
pub struct DemoContact {
    pub kind: &'static str,
    pub value: String,
}
pub struct DemoVisibility {
    pub sector: &'static str,
    pub organisations: &'static str,
    pub country: &'static str,
    pub region: &'static str,
    pub languages: &'static str,
    pub expertise: &'static str,
    pub bio: &'static str,
    pub contacts: &'static str,
}
pub struct DemoMember {
    pub display_name: String,
    pub email: String,
    pub role: &'static str,
    pub sector: &'static str,
    pub country: &'static str,
    pub region: String,
    pub languages: Vec<&'static str>,
    pub expertise: Vec<&'static str>,
    pub bio: String,
    pub affiliations: Vec<DemoAffiliation>,
    pub contacts: Vec<DemoContact>,
    pub at_risk: bool,
    pub visibility: DemoVisibility,
}
pub struct DemoNetwork {
    pub orgs: Vec<DemoOrg>,
    pub members: Vec<DemoMember>,
}
pub fn generate(_seed: u64) -> DemoNetwork {
    DemoNetwork { orgs: vec![], members: vec![] }
}
