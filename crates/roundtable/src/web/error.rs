//! The one error type of every handler. It turns into a response whose body is rendered
//! later by [`super::render_errors`], which knows the viewer's language.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// A user-facing message: a Fluent id and its arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Message {
    pub fn new(id: &'static str) -> Self {
        Message { id, args: Vec::new() }
    }

    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }
}

#[derive(thiserror::Error, Debug)]
pub enum AppError {
    /// Bad input: 422 with a message that says what is wrong. Nothing was changed.
    #[error("invalid input: {}", .0.id)]
    Invalid(Message),
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    /// Staff pages, closed until the second factor the network asks for is set up.
    #[error("second factor required")]
    SecondFactorRequired,
    /// Signing in would help: pages redirect to the sign-in form, the API answers 401.
    #[error("sign-in required")]
    SignInRequired,
    /// A sensitive action, and the member has not confirmed who they are lately: they are
    /// sent to confirm it, then back to this page.
    #[error("confirmation required")]
    ConfirmFirst(String),
    #[error("CSRF check failed")]
    Csrf,
    #[error("request too large")]
    TooLarge,
    /// Throttled (sign-in attempts, posting).
    #[error("too many requests")]
    TooMany(Message),
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("internal error: {0:#}")]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    pub fn invalid(id: &'static str) -> Self {
        AppError::Invalid(Message::new(id))
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::Csrf | AppError::SecondFactorRequired => StatusCode::FORBIDDEN,
            AppError::SignInRequired => StatusCode::UNAUTHORIZED,
            AppError::ConfirmFirst(_) => StatusCode::SEE_OTHER,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Db(_) | AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What the viewer is told. Internal causes are logged, never shown.
    pub fn message(&self) -> Message {
        match self {
            AppError::Invalid(m) | AppError::TooMany(m) => m.clone(),
            AppError::NotFound => Message::new("error-not-found"),
            AppError::Forbidden => Message::new("error-forbidden"),
            AppError::SecondFactorRequired => Message::new("error-second-factor-required"),
            AppError::SignInRequired => Message::new("error-sign-in-required"),
            AppError::ConfirmFirst(_) => Message::new("confirm-why"),
            AppError::Csrf => Message::new("error-csrf"),
            AppError::TooLarge => Message::new("error-too-large"),
            AppError::Db(_) | AppError::Internal(_) => Message::new("error-internal"),
        }
    }
}

/// Carried in the response extensions to the error renderer.
#[derive(Clone, Debug)]
pub struct ErrorInfo {
    pub status: StatusCode,
    pub message: Message,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::ConfirmFirst(back) = &self {
            let back: String = url::form_urlencoded::byte_serialize(back.as_bytes()).collect();
            return axum::response::Redirect::to(&format!("/account/confirm?next={back}")).into_response();
        }
        if matches!(self, AppError::Db(_) | AppError::Internal(_)) {
            tracing::error!(error = %self, "request failed");
        }
        let info = ErrorInfo { status: self.status(), message: self.message() };
        let mut response = info.status.into_response();
        response.extensions_mut().insert(info);
        response
    }
}

pub type AppResult<T> = Result<T, AppError>;
