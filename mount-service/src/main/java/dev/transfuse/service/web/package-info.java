/** Web plumbing shared by the API: problem types and the problem+json error mapping. */
package dev.transfuse.service.web;
