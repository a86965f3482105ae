/**
 * Forecasts of stored campaigns: a campaign's own definition, accounts and prospects run on the
 * simulated network. Between the store and the simulation, which know nothing of each other.
 */
package dev.warmreach.forecast;
