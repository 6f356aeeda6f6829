import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clientAddress } from './middleware.ts';
import { loadConfig } from '../../config.ts';

describe('the client address', () => {
  it('is the socket address unless proxies are trusted: X-Forwarded-For is written by anyone', () => {
    assert.equal(clientAddress('203.0.113.9', '198.51.100.1', 0), '203.0.113.9');
    assert.equal(clientAddress(undefined, undefined, 0), 'local');
  });

  it('behind N trusted proxies, is the entry the outermost proxy appended (the Nth from the right)', () => {
    // One proxy: the client may have sent its own (false) header; the proxy appended the real address.
    assert.equal(clientAddress('10.0.0.2', 'forged, 198.51.100.7', 1), '198.51.100.7');
    assert.equal(clientAddress('10.0.0.2', '198.51.100.7, 10.0.0.9', 2), '198.51.100.7');
    // Fewer entries than proxies: the request did not come through them; the socket decides.
    assert.equal(clientAddress('203.0.113.9', '', 1), '203.0.113.9');
    assert.equal(clientAddress('203.0.113.9', '198.51.100.7', 2), '203.0.113.9');
  });

  it('is configured by ATLAS_TRUST_PROXY (0 by default), with bad values refused', () => {
    assert.equal(loadConfig({}).trustProxyHops, 0);
    assert.equal(loadConfig({ ATLAS_TRUST_PROXY: '1' }).trustProxyHops, 1);
    assert.throws(() => loadConfig({ ATLAS_TRUST_PROXY: 'yes' }), /ATLAS_TRUST_PROXY/);
  });
});
