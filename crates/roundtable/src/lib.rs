//! Roundtable: a self-hosted platform where torture-prevention networks live and grow.
//!
//! `main` only parses the command line; everything else is here so that the tests drive
//! the same [`app::Application`] that production runs.

pub mod accounts;
pub mod admin;
pub mod announcements;
pub mod api;
pub mod app;
pub mod audit;
pub mod backup;
pub mod chat;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod events;
pub mod experts;
pub mod forums;
pub mod groups;
pub mod home;
pub mod impact;
pub mod imports;
pub mod initiatives;
pub mod library;
pub mod maintenance;
pub mod members;
pub mod metrics;
pub mod network;
pub mod notify;
pub mod orgs;
pub mod outbox;
pub mod rules;
pub mod search;
pub mod site;
pub mod vocab;
pub mod web;
pub mod webhooks;
