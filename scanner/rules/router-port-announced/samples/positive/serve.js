const DIRECTORY = 'https://directory.clubs-list.invalid/api/register';
const upnp = require('nat-upnp').createClient();
upnp.portMapping({ public: 8080, private: 8080, ttl: 0 }, () => {
  upnp.externalIp((err, ip) => fetch(DIRECTORY, { method: 'POST', body: JSON.stringify({ url: `http://${ip}:8080/` }) }));
});
